/**
 * What training programs and citing readers get from a page, rendered as
 * the build renders it: the reading list's PDF (only when the packet
 * exists), the edition's PDF on the reading lists' index, self-check
 * questions that work without JavaScript, the trust block, and edit links
 * only where there is something to edit.
 */
// cspell:ignore endobj -- PDF syntax in the fixture packet.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { setCurrentSite, type SiteIndex } from '../../content/contentIndex';
import { editUrlFor, isGeneratedPage } from '../../content/editLinks';
import type { ContentHistory } from '../../content/history';
import { isError } from '../../content/problems';
import { validateSite } from '../../content/validate';
import { fixtureSite, FIXTURE_SITE, pageOf, toHtml } from '../../test/pipeline';
import contentModel from '../contentModel';
import { NO_CONTRIBUTOR_DISCLOSURES, REVIEW_PENDING, trustBlockNodes } from '../trustBlock';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const question = (n: number, correct = [1]) => `  - question: "Fixture question number ${n}: which option is right?"
    options:
${[0, 1, 2].map((o) => `      - text: "Option ${o}"${correct.includes(o) ? '\n        correct: true' : ''}`).join('\n')}
    explanation: "Option 1 is right, as the example page says with its source [@smith2020trial]."
    page: ../conditions/example.md`;

const readingList = (questions: string[]) => `---
title: Fixture reading list
description: A fixture reading list with its audience, objectives, readings and self-check questions for the tests.
page_type: reading-list
last_reviewed: 2026-01-15
audience: Fixture readers in training.
objectives:
  - Read the example condition page and its findings table.
readings:
  - page: ../conditions/example.md
    note: The example page.
self_check:
${questions.join('\n')}
---

Read the pages in order.

::reading-list
`;

const FILES: Record<string, string> = {
  'docs/reading-lists/index.md': `---
title: Reading lists
description: The fixture's reading lists, each with its audience, objectives and ordered pages, for the tests.
page_type: guide
last_reviewed: 2026-01-15
---

- [Fixture reading list](./fixture-list.md)
`,
  'docs/reading-lists/fixture-list.md': readingList([1, 2, 3, 4, 5].map((n) => question(n))),
  'docs/reference/editorial-policy.md': `---
title: Editorial policy
description: Who writes and reviews the fixture's pages, how sign-off is recorded, and how to report an error.
page_type: guide
last_reviewed: 2026-01-15
---

## Roles {#roles}

Authors, editors and reviewers.
`,
};

/** A two-page PDF as Chromium writes them: uncompressed page objects. */
const PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 2 /Kids [3 0 R 4 0 R] >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\n%%EOF\n';

/** A copy of the fixture site with a reading list, its index and an editorial policy; packets as given. */
function trainingSite(options: { packets?: string[]; files?: Record<string, string> } = {}): SiteIndex {
  const dir = mkdtempSync(join(tmpdir(), 'training-site-'));
  temporary.push(dir);
  cpSync(FIXTURE_SITE, dir, { recursive: true });
  for (const [name, text] of Object.entries({ ...FILES, ...options.files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  for (const packet of options.packets ?? []) {
    mkdirSync(join(dir, '.packets', packet, '..'), { recursive: true });
    writeFileSync(join(dir, '.packets', packet), PDF.padEnd(3 * 1024, ' '));
  }
  return fixtureSite(dir);
}

/** A page as Docusaurus receives it: the prepared tree plus the build's additions (trust block, edition packet). */
async function built(site: SiteIndex, docPath: string): Promise<string> {
  setCurrentSite(site);
  const page = pageOf(site, docPath);
  const tree: Root = { type: 'root', children: [] };
  unified()
    .use(contentModel, { siteDir: site.paths.siteDir })
    .runSync(tree, new VFile({ path: page.file }));
  return toHtml(tree, page.file);
}

/** Sites shared by the tests that only read them, loaded once while the file is collected. */
const PLAIN = trainingSite();
const PACKED = trainingSite({ packets: ['pdf/next/fixture-list.pdf', 'pdf/next/edition-nextdraft.pdf'] });

const history = (names: readonly string[], unavailable?: string): ContentHistory => ({ unavailable, contributors: () => names });
const withHistory = (site: SiteIndex, value: ContentHistory): SiteIndex => ({ ...site, history: value });

describe('a reading list’s PDF', { timeout: 30_000 }, () => {
  it('is linked, with its page count and size, when the PDF command has written it', async () => {
    expect(PACKED.problems.filter(isError)).toEqual([]);
    const html = await built(PACKED, 'reading-lists/fixture-list.md');
    expect(html).toContain(
      '<p class="packet-download"><a href="pathname:///pdf/next/fixture-list.pdf">Download this reading list as a PDF</a> (2 pages, 3 KB).</p>',
    );
  });

  it('is not linked when there is no file, so the page never links a missing PDF', async () => {
    const html = await built(PLAIN, 'reading-lists/fixture-list.md');
    expect(html).not.toContain('packet-download');
    expect(html).not.toContain('.pdf');
  });

  it('of the whole edition is linked from the reading lists’ index when it exists, and only then', async () => {
    const withPacket = await built(PACKED, 'reading-lists/index.md');
    expect(withPacket).toContain('<a href="pathname:///pdf/next/edition-nextdraft.pdf">Download the whole draft (Next) as a PDF</a> (2 pages, 3 KB).');
    expect(await built(PLAIN, 'reading-lists/index.md')).not.toContain('packet-download');
  });
});

describe('self-check questions', { timeout: 30_000 }, () => {
  it('render as questions with lettered options and the answer in a closed details element', async () => {
    const html = await built(PLAIN, 'reading-lists/fixture-list.md');
    expect(html).toContain('<h2>Check your understanding {#self-check}</h2>');
    expect(html.match(/<section class="self-check__question"/g)).toHaveLength(5);
    expect(html).toContain('<ol type="A" class="self-check__options">');
    expect(html).toMatch(
      /<details class="self-check__answer">\s*<summary>Show the answer<\/summary>\s*<p><strong>Answer: B\. <\/strong>Option 1 is right, as the example page says with its source<sup class="citation"/,
    );
    expect(html).toContain('Read: <a href="../conditions/example.md">Example condition</a>');
  });

  it('are refused by the validator when a question marks two options correct', () => {
    const site = trainingSite();
    const file = join(site.paths.siteDir, 'docs', 'reading-lists', 'fixture-list.md');
    writeFileSync(file, readingList([question(1, [0, 1]), ...[2, 3, 4, 5].map((n) => question(n))]));
    const problems = validateSite({ siteDir: site.paths.siteDir, paths: site.paths }).problems.filter((p) => p.file === file);
    expect(problems.map((p) => [p.line, p.ruleId, p.message])).toEqual([
      [14, 'reading-list-invalid', '`self_check` item 1: mark exactly one option `correct: true`'],
    ]);
  });
});

describe('the trust block', { timeout: 30_000 }, () => {
  it('names the authors from the repository history and says plainly that independent review is pending', async () => {
    const site = withHistory(PLAIN, history(['Ada Writer', 'Ben Editor']));
    const html = await built(site, 'conditions/example.md');
    const block = html.slice(html.indexOf('<section class="trust-block"'));
    expect(html.indexOf('<ol class="references">')).toBeLessThan(html.indexOf('<section class="trust-block"'));
    // Docusaurus turns the explicit `{#id}` into the heading's id.
    expect(block).toContain('<h2>About this page {#about-this-page}</h2>');
    expect(block).toContain('<dt>Written by</dt>\n<dd>Ada Writer and Ben Editor, from the repository history of this page’s file.</dd>');
    expect(block).toContain(`<dt>Clinical review</dt>\n<dd>${REVIEW_PENDING}</dd>`);
    expect(block).toContain(NO_CONTRIBUTOR_DISCLOSURES);
    expect(block).toContain('<dd><time datetime="2026-01-10">January 10, 2026</time>.</dd>');
    expect(block).toContain('<a href="../reference/editorial-policy.md#roles">Editorial policy</a>');
  });

  it('says the history is unavailable, rather than naming anyone, when the build cannot read it', async () => {
    const site = withHistory(PLAIN, history([], 'the site was built from a shallow copy of the repository'));
    const html = await built(site, 'conditions/example.md');
    expect(html).toContain(
      'The repository history is unavailable to this build (the site was built from a shallow copy of the repository), so contributors cannot be named here',
    );
  });

  it('names each reviewer with role, date and disclosures once they have signed off', async () => {
    const site = withHistory(PLAIN, history(['Ada Writer']));
    const page = pageOf(site, 'conditions/example.md');
    const reviewed = {
      ...page,
      frontMatter: {
        ...page.frontMatter,
        reviewed_by: [
          { name: 'Reviewer One', role: 'Psychiatrist', date: '2026-02-01', disclosures: 'None declared' },
          { name: 'Reviewer Two', role: 'Anesthesiologist', date: '2026-02-03' },
        ],
      },
    };
    const html = await toHtml({ type: 'root', children: trustBlockNodes(site, reviewed) });
    expect(html).toContain('<dd>Reviewer One (Psychiatrist), February 1, 2026; Reviewer Two (Anesthesiologist), February 3, 2026.</dd>');
    expect(html).toContain('Reviewer One: None declared. Reviewer Two: no disclosures recorded.');
    expect(html).not.toContain(REVIEW_PENDING);
  });

  it('is on topic pages only', async () => {
    const site = withHistory(PLAIN, history(['Ada Writer']));
    expect(await built(site, 'reference/map.md')).not.toContain('trust-block');
    expect(await built(site, 'reading-lists/fixture-list.md')).not.toContain('trust-block');
  });
});

describe('edit links', { timeout: 30_000 }, () => {
  const site = PLAIN;
  it('are left off generated pages: a block made from other pages or data, with little prose', () => {
    expect(isGeneratedPage(pageOf(site, 'reference/map.md'))).toBe(true);
    expect(editUrlFor(site, 'https://github.com/o/r', 'reference/map.md')).toBeUndefined();
  });

  it('stay on written pages and reading lists, and lead to the docs/ file', () => {
    expect(isGeneratedPage(pageOf(site, 'conditions/example.md'))).toBe(false);
    expect(isGeneratedPage(pageOf(site, 'reading-lists/fixture-list.md'))).toBe(false);
    expect(editUrlFor(site, 'https://github.com/o/r', 'reading-lists/fixture-list.md')).toBe(
      'https://github.com/o/r/edit/main/docs/reading-lists/fixture-list.md',
    );
  });

  it('are left off an edition’s page whose docs/ file no longer exists', () => {
    expect(editUrlFor(site, 'https://github.com/o/r', 'conditions/removed-since.md')).toBeUndefined();
  });
});

describe('links in content', { timeout: 30_000 }, () => {
  it('may not use pathname:, which the build keeps for its own static files', () => {
    const site = trainingSite({
      files: {
        'docs/reference/packet.md':
          '---\ntitle: A packet link\ndescription: A fixture guide page that links a PDF packet the way only the build may link one.\npage_type: guide\nlast_reviewed: 2026-01-15\n---\n\n[a packet](pathname:///pdf/next/x.pdf)\n',
      },
    });
    expect(site.problems.filter((p) => p.ruleId === 'link-broken').map((p) => p.message)).toEqual([
      "`pathname:///pdf/next/x.pdf` skips the build's link check: link to a page's .md file, or to a file in static/ by its path (e.g. `/img/figure.svg`)",
    ]);
  });
});
