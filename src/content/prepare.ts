/**
 * The published tree of a page, made once per build from its model: the
 * generated blocks expanded, the page head inserted, findings tables
 * labelled, glossary terms linked, citations numbered with their reference
 * list, and raw HTML removed. The Docusaurus remark plugin
 * (src/remark/contentModel) hands this tree to the MDX compiler instead of
 * transforming the page again, so every consumer sees the same page.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import citations from '../remark/citations';
import findings from '../remark/findings';
import generatedBlocks from '../remark/generatedBlocks';
import glossaryTerms from '../remark/glossaryTerms';
import pageHeader from '../remark/pageHeader';
import type { SiteIndex } from './contentIndex';
import { dropRawHtml } from './markup';
import type { PageModel } from './page';

export interface PreparedPage {
  readonly tree: Root;
  /** Canonical keys in the order of their numbers, generated blocks included. */
  readonly citedKeys: readonly string[];
}

const prepared = new WeakMap<PageModel, PreparedPage>();

export function preparePage(site: SiteIndex, page: PageModel): PreparedPage {
  const done = prepared.get(page);
  if (done) return done;
  const result = preparePageAgain(site, page);
  prepared.set(page, result);
  return result;
}

/** A fresh preparation, not cached: for a consumer that changes the tree after `preparePage`'s copy was handed on. */
export function preparePageAgain(site: SiteIndex, page: PageModel): PreparedPage {
  const cited: string[] = [];
  const processor = unified()
    .use(generatedBlocks, { site, page })
    .use(pageHeader, { site, page })
    .use(findings)
    .use(glossaryTerms, { site, page })
    .use(citations, { site, cited })
    .use(() => dropRawHtml);
  const tree = processor.runSync(structuredClone(page.tree), new VFile({ path: page.file })) as Root;
  return { tree, citedKeys: cited };
}
