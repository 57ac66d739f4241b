import { describe, expect, it } from 'vitest';
import { CURRENT_RULES } from '../frontMatter';
import { parsePage } from '../page';
import { scaffoldPage, titleFromSlug } from '../scaffold';

const KNOWN = new Set(['smith2020trial']);
function validate(source: string, docPath: string) {
  return parsePage(
    { file: `/site/docs/${docPath}`, root: '/site/docs', docPath, version: 'current', source },
    { rules: CURRENT_RULES, today: '2026-11-21', lookupKey: (key) => (KNOWN.has(key) ? { known: true } : { known: false }) },
  ).problems.filter((p) => p.severity !== 'warning');
}

describe('the page scaffold', () => {
  it('fails validation only for want of a citation', () => {
    const page = scaffoldPage('mechanism', 'glutamate-surge', '2026-11-21');
    expect(validate(page, 'mechanism/glutamate-surge.md').map((p) => p.ruleId)).toEqual(['citation-none']);
  });

  it('passes validation once a citation is added', () => {
    const page = scaffoldPage('mechanism', 'glutamate-surge', '2026-11-21').replace(
      'checked against its PubMed record.',
      'checked against its PubMed record [@smith2020trial].',
    );
    expect(validate(page, 'mechanism/glutamate-surge.md')).toEqual([]);
  });

  it('gives a condition page a findings table that passes once its row cites a source', () => {
    const page = scaffoldPage('conditions', 'eating-disorders', '2026-11-21');
    expect(
      validate(page, 'conditions/eating-disorders.md')
        .map((p) => p.ruleId)
        .sort(),
    ).toEqual(['citation-none', 'findings-citation']);
    const cited = page.replace('| Very low | |', '| Very low | [@smith2020trial] |');
    expect(validate(cited, 'conditions/eating-disorders.md')).toEqual([]);
  });

  it('labels a regulation page as an official record and a mechanism page as descriptive', () => {
    expect(scaffoldPage('regulation', 'canada', '2026-11-21')).toContain('certainty: official-record');
    expect(scaffoldPage('mechanism', 'glutamate-surge', '2026-11-21')).toContain('certainty: limited-human');
  });

  it('rejects an unknown section or a bad page name with the fix', () => {
    expect(() => scaffoldPage('dosing', 'x', '2026-11-21')).toThrow('unknown section "dosing": use one of mechanism, conditions');
    expect(() => scaffoldPage('conditions', 'Eating Disorders', '2026-11-21')).toThrow('use lower-case words joined by hyphens');
    expect(titleFromSlug('eating-disorders')).toBe('Eating disorders');
  });
});
