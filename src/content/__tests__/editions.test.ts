import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentRulesFor, docsVersionOptions, isLaterEdition, latestDocPath, previousEdition, versionLabel } from '../editions';

function siteWith(editions: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'editions-'));
  writeFileSync(join(dir, 'versions.json'), JSON.stringify(editions));
  return dir;
}

describe('editions', () => {
  it('order edition names by year, then number, and refuse other names', () => {
    expect(isLaterEdition('2026.2', '2026.1')).toBe(true);
    expect(isLaterEdition('2026.10', '2026.9')).toBe(true);
    expect(isLaterEdition('2027.1', '2026.12')).toBe(true);
    expect(isLaterEdition('2026.1', '2026.1')).toBe(false);
    expect(isLaterEdition('2026.1', '2026.2')).toBe(false);
    expect(isLaterEdition('next', '2026.1')).toBe(false);
    expect(isLaterEdition('2026.2-draft', '2026.1')).toBe(false);
  });

  it('serve every edition at its own permanent path, the newest as the default, and Next as a draft that is not indexed', () => {
    expect(docsVersionOptions(siteWith(['2027.1', '2026.1']))).toEqual({
      lastVersion: '2027.1',
      versions: {
        current: { label: 'Next (draft)', path: 'next', banner: 'unreleased', noIndex: true },
        '2027.1': { label: '2027.1', path: '2027.1', banner: 'none' },
        '2026.1': { label: '2026.1', path: '2026.1', banner: 'unmaintained' },
      },
    });
  });

  it('build only the editions asked for, plus Next', () => {
    expect(docsVersionOptions(siteWith(['2027.1', '2026.1']), ['2027.1']).onlyIncludeVersions).toEqual(['current', '2027.1']);
  });

  it('link pages outside the docs to the newest edition’s permanent address', () => {
    expect(latestDocPath(siteWith(['2027.1', '2026.1']), 'reference/glossary.md')).toBe('/docs/2027.1/reference/glossary');
    expect(latestDocPath(siteWith(['2027.1']), 'index.md')).toBe('/docs/2027.1');
    expect(latestDocPath(siteWith([]), 'conditions/index.md')).toBe('/docs/conditions');
  });

  it('compare Next with the newest edition and each edition with the one before', () => {
    expect(previousEdition('current', ['2027.1', '2026.1'])).toBe('2027.1');
    expect(previousEdition('2027.1', ['2027.1', '2026.1'])).toBe('2026.1');
    expect(previousEdition('2026.1', ['2027.1', '2026.1'])).toBeUndefined();
    expect(versionLabel('current')).toBe('Next (draft)');
  });

  it('keep edition 2026.1 building under the rules it was cut with', () => {
    expect(contentRulesFor('2026.1')).toEqual({ rules2026_2: false });
    expect(contentRulesFor('current')).toEqual({ rules2026_2: true });
    expect(contentRulesFor('2026.2')).toEqual({ rules2026_2: true });
  });
});
