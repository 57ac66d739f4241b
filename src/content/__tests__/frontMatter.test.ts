import { describe, expect, it } from 'vitest';
import { checkFrontMatter, isCalendarDate, nextReviewDue, readFrontMatter, type ContentRules } from '../frontMatter';

const STRICT: ContentRules = { rules2026_2: true };
const LEGACY: ContentRules = { rules2026_2: false };
const TOPIC = `---
title: A topic page
description: A fixture description that is long enough to pass the length rule of the schema.
bottom_line: A bottom line of one sentence that a clinician can act on [@smith2020trial].
evidence:
  question: In adults with the condition, does the treatment help compared with placebo?
  certainty: low
  basis: [randomized-trials]
  rationale: Few small trials with short follow-up and wide intervals.
key_points:
  - The first key point a clinician can act on.
  - The second key point a clinician can act on.
  - The third key point a clinician can act on.
last_reviewed: 2026-01-15
literature_searched: 2026-01-10
---
Body.
`;

function check(source: string, rules = STRICT, today = '2026-11-21') {
  const read = readFrontMatter('x.md', source);
  const result = read.readable ? checkFrontMatter(read.data, { file: 'x.md', locate: read.locate, rules, today }) : { problems: [] };
  return { read, result, lines: [...read.problems, ...result.problems].map((p) => `${p.line}:${p.column} ${p.ruleId}: ${p.message}`) };
}

describe('reading front matter', () => {
  it('locates nested fields and list items at their own line and column', () => {
    const { read } = check(TOPIC);
    expect(read.locate(['evidence', 'basis'])).toEqual({ line: 8, column: 3 });
    expect(read.locate(['key_points', 2])).toEqual({ line: 13, column: 5 });
    expect(read.body).toBe('Body.\n');
  });

  it('accepts a complete topic page and types its fields', () => {
    const { lines, result } = check(TOPIC);
    expect(lines).toEqual([]);
    expect(result.frontMatter).toMatchObject({ page_type: 'topic', review_interval_months: 12, reviewed_by: [], last_reviewed: '2026-01-15' });
  });

  it('refuses a YAML alias bomb without expanding it, naming the fix', () => {
    const bomb = `---\ntitle: x\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n`;
    const { lines } = check(bomb);
    expect(lines).toEqual([
      '2:1 front-matter-yaml: the front matter cannot be read (Excessive alias count indicates a resource exhaustion attack): remove YAML aliases (`&name`/`*name`) and write values in full',
    ]);
  });

  it('reports invalid YAML with its line instead of throwing', () => {
    const { lines } = check('---\ntitle: [unclosed\ndescription: x\n---\n');
    expect(lines[0]).toMatch(/^\d+:\d+ front-matter-yaml: the front matter is not valid YAML \(.+\): fix the indentation or quoting$/);
  });

  it('ignores a byte-order mark but warns about it', () => {
    const { read, lines } = check(`\uFEFF${TOPIC}`);
    expect(read.data.title).toBe('A topic page');
    expect(lines).toEqual(['1:1 content-encoding: the file starts with a byte-order mark: save it as UTF-8 without BOM (the build ignores the mark)']);
  });
});

describe('the front-matter schema', () => {
  it('refuses an impossible date rather than rolling it over', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(check(TOPIC.replace('last_reviewed: 2026-01-15', 'last_reviewed: 2026-02-30')).lines).toEqual([
      '14:1 front-matter-invalid: `last_reviewed` is not a real calendar date: check the day and month',
    ]);
  });

  it('refuses a review date in the future', () => {
    expect(check(TOPIC.replace('last_reviewed: 2026-01-15', 'last_reviewed: 2030-01-01')).lines).toEqual([
      '14:1 front-matter-invalid: `last_reviewed` is in the future: use the date it happened',
    ]);
  });

  it('bounds numbers, so an absurd review interval is a message, not a crash', () => {
    expect(check(TOPIC.replace('literature_searched', 'review_interval_months: 1000000000\nliterature_searched')).lines).toEqual([
      '15:1 front-matter-invalid: `review_interval_months` must be from 1 to 36',
    ]);
  });

  it('names an unknown field with the fields allowed', () => {
    const [line] = check(TOPIC.replace('last_reviewed', 'author: Somebody\nlast_reviewed')).lines;
    expect(line).toMatch(/^14:1 front-matter-unknown: unknown field `author`: remove it or use one of: title, description, page_type, bottom_line/);
  });

  it('keeps plain-text fields free of markup, which would reach meta tags and JSON-LD', () => {
    expect(check(TOPIC.replace('title: A topic page', 'title: "Trials</script><script>alert(1)</script>"')).lines).toEqual([
      '2:1 front-matter-invalid: `title` is plain text: remove the HTML, link or markup from it',
    ]);
  });

  it('requires the bottom line, the question and the search date from edition 2026.2 on', () => {
    const old = TOPIC.replace(/bottom_line: .*\n/, '')
      .replace(/ {2}question: .*\n/, '')
      .replace(/literature_searched: .*\n/, '');
    expect(check(old, LEGACY).lines).toEqual([]);
    expect(check(old, STRICT).lines.map((l) => l.replace(/:.*? (front-matter-missing)/, ' $1'))).toEqual([
      '2 front-matter-missing: add `bottom_line`: one or two sentences (40 to 300 characters) a clinician can act on, with citations; shown first on the page (required on topic pages)',
      '2 front-matter-missing: add `literature_searched: YYYY-MM-DD`, the date the literature for this page was last searched, YYYY-MM-DD (required on topic pages)',
      '4 front-matter-missing: add `evidence.question`: one line naming the population, intervention, comparator and outcome the label grades',
    ]);
  });

  it('asks for the evidence label on topic pages, with every allowed value', () => {
    const [line] = check(TOPIC.replace(/evidence:\n( {2}.*\n)+/, '')).lines;
    expect(line).toContain('front-matter-missing: add the evidence label:');
    expect(line).toContain('certainty: one of high, moderate, low, very-low, consistent-human, limited-human, preclinical-only, official-record');
  });

  it('names the list item that breaks a rule', () => {
    expect(check(TOPIC.replace('  - The second key point a clinician can act on.', '  - Short.')).lines).toEqual([
      '12:5 front-matter-invalid: `key_points` item 2: it is too short: write 10 to 500 characters',
    ]);
  });

  it('takes reviewers as a list that stays empty until a real reviewer signs off', () => {
    const reviewed = check(
      TOPIC.replace('literature_searched', 'reviewed_by:\n  - name: A Reviewer\n    role: Psychiatrist\n    date: 2026-02-01\nliterature_searched'),
    );
    expect(reviewed.lines).toEqual([]);
    expect(reviewed.result.frontMatter?.reviewed_by).toEqual([{ name: 'A Reviewer', role: 'Psychiatrist', date: '2026-02-01' }]);
    expect(check(TOPIC.replace('literature_searched', 'reviewed_by: Dr Somebody\nliterature_searched')).lines[0]).toContain(
      '`reviewed_by` is a list of reviewers',
    );
  });

  it('computes the next review from the interval', () => {
    expect(nextReviewDue({ last_reviewed: '2026-01-31', review_interval_months: 12 })).toBe('2027-01-31');
    expect(nextReviewDue({ last_reviewed: '2026-11-21', review_interval_months: 6 })).toBe('2027-05-21');
  });
});

describe('reading-list front matter', () => {
  const LIST = `---
title: A reading list
description: A fixture reading list whose description is long enough for the schema.
page_type: reading-list
audience: Residents.
objectives:
  - Explain the one thing this list teaches.
readings:
  - page: ../a/page.md
    note: Read all of it.
  - page: ../a/page.md
    section: results
    note: Then the results again.
last_reviewed: 2026-01-15
---
`;

  it('refuses a page assigned whole and again by section, naming both readings', () => {
    expect(check(LIST).lines).toEqual([
      '11:5 reading-list-invalid: reading 2 repeats reading 1 (`../a/page.md`): a page assigned whole already includes its sections; remove one, and put both notes on the one that stays',
    ]);
  });

  it('allows two different sections of one page', () => {
    expect(
      check(LIST.replace('  - page: ../a/page.md\n    note: Read all of it.', '  - page: ../a/page.md\n    section: methods\n    note: Read the methods.'))
        .lines,
    ).toEqual([]);
  });

  it('requires exactly one correct option in a self-check question', () => {
    const question = `self_check:\n${Array.from({ length: 5 }, (_, i) => `  - question: Which statement is true, number ${i + 1}?\n    options:\n      - text: A\n        correct: true\n      - text: B\n${i === 2 ? '        correct: true\n' : ''}      - text: C\n    explanation: Because the source says so [@smith2020trial].\n    page: ../a/page.md\n`).join('')}`;
    const lines = check(
      LIST.replace('  - page: ../a/page.md\n    section: results\n    note: Then the results again.\n', '').replace(
        'last_reviewed',
        `${question}last_reviewed`,
      ),
    ).lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/reading-list-invalid: `self_check` item 3: mark exactly one option `correct: true`$/);
  });
});
