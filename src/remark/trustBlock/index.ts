/**
 * The trust block at the end of every topic page ("About this page"): who
 * wrote it (from the repository history, never typed by hand), who
 * reviewed it (`reviewed_by`, and plainly that independent review is
 * pending while that list is empty), disclosures of interests (the site's
 * statement and each reviewer's own), when the literature was last
 * searched, and a link to the editorial policy that explains these roles.
 * The review dates are in the page head and are not repeated here.
 *
 * It comes after the reference list: a reader meets the answer and its
 * sources first, and finds who stands behind them where a journal puts its
 * author notes, just above "Cite this page".
 */
import { relative } from 'node:path';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { formatDate } from '../../citations/format';
import type { SiteIndex } from '../../content/contentIndex';
import { versionLabel } from '../../content/editions';
import type { Reviewer } from '../../content/frontMatter';
import type { PageModel } from '../../content/page';
import { SITE } from '../../content/site';
import { linkTo, rootOf } from '../generatedBlocks';
import { block, heading, inline, text } from '../shared/nodes';

export interface Options {
  readonly site: SiteIndex;
  readonly page: PageModel;
}

export const TRUST_BLOCK_ID = 'about-this-page';
export const EDITORIAL_POLICY = 'reference/editorial-policy.md';
export const REVIEW_PENDING = 'Independent clinical review is pending: no clinician independent of the writers has signed off on this page yet.';
export const NO_CONTRIBUTOR_DISCLOSURES = 'No individual disclosures are recorded for the authors.';

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  return names.length < 3 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const term = (value: string): RootContent => ({ type: 'paragraph', children: [text(value)], data: { hName: 'dt' } });
const definition = (children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children, data: { hName: 'dd' } });

function writtenBy(site: SiteIndex, page: PageModel): PhrasingContent[] {
  const history = site.history;
  if (history.unavailable)
    return [
      text(
        `The repository history is unavailable to this build (${history.unavailable}), so contributors cannot be named here; the page's history in the repository lists them.`,
      ),
    ];
  const names = history.contributors(relative(site.paths.siteDir, page.file));
  if (names.length === 0) return [text('No commits of this page’s file are recorded yet.')];
  return [text(`${listNames(names)}, from the repository history of this page’s file.`)];
}

const reviewerText = (reviewer: Reviewer) => `${reviewer.name} (${reviewer.role}), ${formatDate(reviewer.date)}`;

function reviewedBy(page: PageModel): PhrasingContent[] {
  const reviewers = page.frontMatter.reviewed_by;
  if (reviewers.length === 0) return [text(REVIEW_PENDING)];
  return [text(`${reviewers.map(reviewerText).join('; ')}.`)];
}

function disclosures(page: PageModel): PhrasingContent[] {
  const reviewers = page.frontMatter.reviewed_by.map(
    (reviewer) => `${reviewer.name}: ${reviewer.disclosures ? reviewer.disclosures.replace(/\.?$/, '.') : 'no disclosures recorded.'}`,
  );
  return [text([SITE.disclosures, NO_CONTRIBUTOR_DISCLOSURES, ...reviewers].join(' '))];
}

function policy(page: PageModel, site: SiteIndex): PhrasingContent[] {
  const target = rootOf(site, page).byDocPath.get(EDITORIAL_POLICY);
  if (!target) return [text('How pages are written, reviewed and corrected is set out in the editorial policy.')];
  return [
    text('Who writes and reviews pages, how sign-off and disclosures are recorded, and how to report an error: '),
    linkTo(page, target, 'Editorial policy', target.headingIds.has('roles') ? 'roles' : undefined),
    text('.'),
  ];
}

export function trustBlockNodes(site: SiteIndex, page: PageModel): RootContent[] {
  const fm = page.frontMatter;
  const searched = fm.literature_searched ? formatDate(fm.literature_searched) : `Not recorded in edition ${versionLabel(page.version)}.`;
  return [
    block('section', { className: ['trust-block'], ariaLabelledBy: TRUST_BLOCK_ID }, [
      heading(2, 'About this page', TRUST_BLOCK_ID),
      block('dl', { className: ['trust-block__facts'] }, [
        term('Written by'),
        definition(writtenBy(site, page)),
        term('Clinical review'),
        definition(reviewedBy(page)),
        term('Disclosures of interests'),
        definition(disclosures(page)),
        term('Literature last searched'),
        definition(fm.literature_searched ? [inline('time', { dateTime: fm.literature_searched }, [text(searched)]), text('.')] : [text(searched)]),
        term('Editorial policy'),
        definition(policy(page, site)),
      ]),
    ]),
  ];
}

/** Topic pages carry the trust block; guides and reading lists do not. */
export const hasTrustBlock = (page: PageModel): boolean => page.frontMatter.page_type === 'topic';

const trustBlock: Plugin<[Options], Root> =
  ({ site, page }) =>
  (tree) => {
    if (hasTrustBlock(page)) tree.children.push(...trustBlockNodes(site, page));
  };

export default trustBlock;
