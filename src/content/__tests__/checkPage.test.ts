import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBibliography } from '../../citations/bibliography';
import { FIXTURE_BIBLIOGRAPHY, FIXTURE_SITE, FIXTURES } from '../../test/pipeline';
import { checkPage } from '../checkPage';
import { splitFrontMatter } from '../contentIndex';
import { parseMarkdown } from '../markdown';

function check(file: string, docPath: string) {
  const source = readFileSync(file, 'utf8');
  const result = checkPage(parseMarkdown(source), {
    file,
    docPath,
    source,
    frontMatter: splitFrontMatter(source).data,
    bibliography: loadBibliography(FIXTURE_BIBLIOGRAPHY),
    today: new Date('2026-11-21'),
  });
  return { ...result, lines: result.problems.map((p) => `${p.line}:${p.column} ${p.ruleId}: ${p.message}`) };
}
const bad = (docPath: string) => check(join(FIXTURES, 'bad', 'docs', docPath), docPath);

describe('checkPage on valid pages', () => {
  it('passes a complete condition page and lists its citations in order of first use', () => {
    const result = check(join(FIXTURE_SITE, 'docs/conditions/example.md'), 'conditions/example.md');
    expect(result.lines).toEqual([]);
    expect(result.citedKeys).toEqual(['smith2020trial', 'balshem2011grade']);
  });

  it('passes a regulation page labelled as an official record', () => {
    expect(check(join(FIXTURE_SITE, 'docs/regulation/approvals.md'), 'regulation/approvals.md').lines).toEqual([]);
  });
});

describe('checkPage fails closed', () => {
  it('names an unknown citation key, its line, and the nearest known key', () => {
    expect(bad('mechanism/unknown-key.md').lines).toEqual([
      '17:29 citation-unknown-key: unknown citation key `smith2020trail`: add it to src/data/references.bib or correct the key; did you mean `smith2020trial`?',
    ]);
  });

  it('rejects a topic page that cites nothing', () => {
    expect(bad('mechanism/no-citation.md').lines).toEqual([
      '1:1 citation-none: a topic page must cite its sources: add at least one citation such as `[@berman2000antidepressant]`',
    ]);
  });

  it('rejects an invalid evidence label with the allowed values', () => {
    expect(bad('mechanism/bad-label.md').lines).toEqual([
      '5:1 evidence-label-invalid: `evidence.certainty` is `strong`; use one of: high, moderate, low, very-low, official-record',
      '6:1 evidence-label-invalid: `anecdotes` is not an evidence type; use: systematic-reviews, randomized-trials, observational, case-series, preclinical, consensus, official-record',
      '7:1 evidence-label-invalid: `evidence.rationale` must say in one line (at least 20 characters) what raises or lowers certainty',
    ]);
  });

  it('rejects invalid front matter, naming each field', () => {
    expect(bad('mechanism/bad-front-matter.md').lines).toEqual([
      '4:1 front-matter-unknown: unknown front-matter field `author`: remove it or use one of: title, description, page_type, audience, objectives, readings, evidence, key_points, last_reviewed, reviewed_by, review_interval_months, sidebar_position, sidebar_label, keywords, hide_table_of_contents, toc_max_heading_level',
      '3:1 front-matter-invalid: `description` has 10 characters; write 50 to 200',
      '11:1 front-matter-invalid: `last_reviewed` must be a date written YYYY-MM-DD',
      '9:1 front-matter-invalid: `key_points` has 1 bullets; write three to five',
    ]);
  });

  it('rejects content that could run code or is outside the vocabulary', () => {
    expect(bad('reference/disallowed-content.md').lines).toEqual([
      '8:1 content-code: remove the `import`/`export` statement: pages are plain Markdown and cannot run code',
      '10:1 content-code: `<script>` is not allowed: content cannot run or embed code',
      '12:1 content-code: `<iframe>` is not allowed: content cannot run or embed code',
      '14:1 content-code: remove the event handler in `<span>`: content cannot run code',
      '16:1 content-code: the link target `javascript:alert(1)` could run code: link to a page or an https:// address',
      '18:1 content-directive: unknown block `:::spoiler`: use one of :::note, :::tip, :::info, :::warning, :::danger, :::findings',
    ]);
  });

  it('rejects a formula KaTeX cannot parse, with KaTeX’s reason', () => {
    const { lines } = bad('reference/bad-math.md');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^10:1 math-parse: KaTeX cannot render this formula \(.+\): correct the TeX$/);
  });

  it('rejects a findings table with an unknown certainty or no citation, and a missing section', () => {
    expect(bad('conditions/bad-findings.md').lines).toEqual([
      '22:1 findings-certainty: the certainty `Strong` is not a GRADE level: write High, Moderate, Low or Very low',
      '22:1 findings-citation: the outcome `Response` has no citation: put `[@key]` in its Citations cell',
    ]);
  });

  it('requires a findings table on condition pages', () => {
    const { lines } = check(join(FIXTURE_SITE, 'docs/regulation/approvals.md'), 'conditions/approvals.md');
    expect(lines).toContain('1:1 findings-missing: a condition page needs a summary-of-findings table inside a `:::findings` block (see CONTRIBUTING.md)');
  });
});
