import { describe, expect, it } from 'vitest';
import { CURRENT_RULES } from '../frontMatter';
import { parsePage } from '../page';

const HEAD = `---
title: A topic page
description: A fixture description that is long enough to pass the length rule of the schema.
bottom_line: The bottom line of this fixture cites its source first [@balshem2011grade].
evidence:
  question: In adults with the condition, does the treatment help compared with placebo?
  certainty: low
  basis: [randomized-trials]
  rationale: Few small trials with short follow-up and wide intervals.
key_points:
  - The first key point cites a trial [@smith2020trial].
  - The second key point a clinician can act on.
  - The third key point cites the GRADE paper [@balshem2011grade].
last_reviewed: 2026-01-15
literature_searched: 2026-01-10
---
`;
const BODY = '\n## In plain language {#plain}\n\nText [@jones2021fixture].\n\n## What remains uncertain\n\nMore [@smith2020trial].\n';

function parse(source: string, docPath = 'mechanism/x.md') {
  return parsePage(
    { file: `/site/docs/${docPath}`, root: '/site/docs', docPath, version: 'current', source },
    { rules: CURRENT_RULES, today: '2026-11-21', lookupKey: () => ({ known: true }) },
  );
}

describe('the page model', () => {
  it('orders citations as the page shows them: bottom line, key points, then the body', () => {
    const { page, problems } = parse(HEAD + BODY);
    expect(problems).toEqual([]);
    expect(page?.citedKeys).toEqual(['balshem2011grade', 'smith2020trial', 'jones2021fixture']);
  });

  it('keeps explicit heading ids for reading lists and counts running words only', () => {
    const { page } = parse(HEAD + BODY);
    expect([...page!.headingIds]).toEqual(['plain']);
    // Citation keys, URLs and markup are not words a reader reads.
    expect(page!.words).toBe(42);
  });

  it('checks inline front-matter fields like the body, at their own line', () => {
    const { problems } = parse(
      HEAD.replace('  - The second key point a clinician can act on.', `  - 'Redirect <meta http-equiv="refresh" content="0;url=https://evil.example"> now.'`) +
        BODY,
    );
    expect(problems.map((p) => `${p.line} ${p.ruleId}: ${p.message}`)).toEqual([
      '12 content-code: `<meta>` is not allowed: content cannot run, embed, restyle or redirect the page',
    ]);
  });

  it('refuses a citation in a heading with its line and column, and a page that cites nothing', () => {
    const noCitations = HEAD.replace(/ \[@[a-z0-9]+\]/g, '') + '\n## In plain language\n\nText.\n\n## What remains uncertain\n\nMore.\n';
    expect(parse(noCitations).problems.map((p) => p.ruleId)).toEqual(['citation-none']);
    const inHeading = `${HEAD}\n## Results [@smith2020trial]\n\nText.${BODY}`;
    expect(parse(inHeading).problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`)).toEqual(['18:12 citation-placement']);
  });

  it('asks condition pages for a findings table and regulation pages for an official-record label', () => {
    expect(parse(HEAD + BODY, 'conditions/x.md').problems.map((p) => p.ruleId)).toEqual(['findings-missing']);
    expect(parse(HEAD + BODY, 'regulation/x.md').problems.map((p) => `${p.line} ${p.ruleId}`)).toEqual(['7 evidence-label-invalid']);
  });

  it('warns about scaffold prompts without failing', () => {
    const { problems } = parse(`${HEAD}${BODY}\nTODO write more.\n`);
    expect(problems).toEqual([
      {
        file: '/site/docs/mechanism/x.md',
        line: 26,
        column: 1,
        ruleId: 'content-placeholder',
        severity: 'warning',
        message: 'replace this TODO prompt with the page’s own text',
      },
    ]);
  });

  it('refuses MDX files', () => {
    expect(parse(HEAD + BODY, 'mechanism/x.mdx').problems.map((p) => p.ruleId)).toEqual(['content-format']);
  });
});
