import { describe, expect, it } from 'vitest';
import { formatProblem, isError } from '../problems';
import { BIBLIOGRAPHY_PATH, SITE_DIR } from '../paths';
import { validateSite } from '../validateSite';
import { FIXTURE_BIBLIOGRAPHY, FIXTURE_SITE } from '../../test/pipeline';

describe('validateSite', () => {
  it('passes the fixture site and reports bibliography entries no page cites', () => {
    const result = validateSite({ siteDir: FIXTURE_SITE, bibliographyPath: FIXTURE_BIBLIOGRAPHY, today: new Date('2026-11-21'), pkParametersPath: '/nonexistent' });
    expect(result.problems.filter(isError)).toEqual([]);
    expect(result.pages).toBe(3);
  });

  it('warns about pages past their review date', () => {
    const result = validateSite({ siteDir: FIXTURE_SITE, bibliographyPath: FIXTURE_BIBLIOGRAPHY, today: new Date('2028-01-01'), pkParametersPath: '/nonexistent' });
    const due = result.problems.filter((p) => p.ruleId === 'review-due');
    expect(due).toHaveLength(3);
    expect(due.every((p) => p.severity === 'warning')).toBe(true);
  });
});

describe('the real site content', () => {
  it('has no content errors in any edition (run `npm run validate` for the list)', () => {
    const result = validateSite({ siteDir: SITE_DIR, bibliographyPath: BIBLIOGRAPHY_PATH, today: new Date() });
    expect(result.problems.filter(isError).map((p) => formatProblem(p, SITE_DIR))).toEqual([]);
    expect(result.pages).toBeGreaterThan(3);
  });
});
