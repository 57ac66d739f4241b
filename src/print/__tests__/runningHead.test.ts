import { describe, expect, it } from 'vitest';
import { formatDate } from '../../citations/format';
import { cssString, PRINT_PROPERTIES, printDateLabel, runningHeadStyle } from '../runningHead';

const head = {
  siteTitle: 'Ketamine Therapy Evidence',
  title: 'Post-traumatic stress disorder (PTSD)',
  edition: '2026.1',
  address: 'https://ketamine-evidence.example.org/docs/2026.1/conditions/ptsd',
  origin: 'https://ketamine-evidence.example.org',
  lastReviewed: '2026-11-21',
};

describe('running head of a printed page', () => {
  it('names the page, the edition, the permanent address and the review date', () => {
    expect(runningHeadStyle(head, formatDate)).toBe(
      [
        "--print-title:'Post-traumatic stress disorder (PTSD)'",
        "--print-edition:'Ketamine Therapy Evidence · edition 2026.1'",
        "--print-address:'https://ketamine-evidence.example.org/docs/2026.1/conditions/ptsd'",
        "--print-origin:'https://ketamine-evidence.example.org'",
        "--print-page:'page'",
        "--print-date:'last reviewed November 21, 2026'",
      ].join(';'),
    );
  });

  it('leaves the date to the print module when the page has no review date', () => {
    expect(runningHeadStyle({ ...head, lastReviewed: undefined }, formatDate)).toContain(`${PRINT_PROPERTIES.date}:''`);
  });

  it('labels the print date', () => {
    expect(printDateLabel('2026-12-01', formatDate)).toBe('printed December 1, 2026');
  });
});

describe('cssString', () => {
  it('keeps ordinary titles readable', () => {
    expect(cssString('Ketamine – esketamine: 0.5 mg/kg (IV)')).toBe("'Ketamine – esketamine: 0.5 mg/kg (IV)'");
  });

  it('escapes quotes, backslashes, angle brackets and line breaks so no value can leave its string or attribute', () => {
    const hostile = `a'b"c\\d<e>f\ng&h`;
    const out = cssString(hostile);
    expect(out).toBe("'a\\27 b\\22 c\\5c d\\3c e\\3e f\\a g\\26 h'");
    expect(out.slice(1, -1)).not.toMatch(/['"<>\n&]/);
  });
});
