import { describe, expect, it } from 'vitest';
import { checkFrontMatter, lineOfKey, nextReviewDue } from '../frontMatter';

const source = '---\ntitle: T\nevidence:\n  certainty: low\n  basis: [preclinical]\nkey_points:\n  - a\n---\n';

describe('front matter', () => {
  it('finds the line of nested keys', () => {
    expect(lineOfKey(source, ['evidence', 'basis'])).toBe(5);
    expect(lineOfKey(source, ['key_points'])).toBe(6);
    expect(lineOfKey(source, ['missing'])).toBe(1);
  });

  it('lists every missing required field at once', () => {
    const { problems } = checkFrontMatter({}, { file: 'x.md', source: '---\n---\n' });
    expect(problems.map((p) => p.ruleId)).toEqual([
      'front-matter-missing',
      'front-matter-missing',
      'front-matter-missing',
      'evidence-label-missing',
      'front-matter-missing',
    ]);
    expect(problems[3]!.message).toContain('certainty: one of high, moderate, low, very-low, official-record');
  });

  it('rejects a review date in the future', () => {
    const { problems } = checkFrontMatter(
      { title: 'Title', description: 'x'.repeat(60), page_type: 'guide', last_reviewed: '2030-01-01' },
      { file: 'x.md', source: '---\nlast_reviewed: 2030-01-01\n---', today: new Date('2026-11-21') },
    );
    expect(problems.map((p) => p.message)).toEqual(['`last_reviewed` (2030-01-01) is in the future: use the date the review happened']);
  });

  it('computes the next review from the interval', () => {
    expect(nextReviewDue({ last_reviewed: '2026-01-31', review_interval_months: 12 })).toBe('2027-01-31');
    expect(nextReviewDue({ last_reviewed: '2026-11-21', review_interval_months: 6 })).toBe('2027-05-21');
  });
});
