import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsVersionOptions, editionRedirects, previousEdition } from '../editions';

function siteWith(editions: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'editions-'));
  writeFileSync(join(dir, 'versions.json'), JSON.stringify(editions));
  return dir;
}

describe('editions', () => {
  it('make the newest edition the default and Next an unreleased version at /docs/next', () => {
    expect(docsVersionOptions(siteWith(['2027.1', '2026.1']))).toEqual({
      lastVersion: '2027.1',
      versions: {
        current: { label: 'Next', path: 'next', banner: 'unreleased' },
        '2027.1': { label: '2027.1 (current edition)', banner: 'none' },
        '2026.1': { label: '2026.1', banner: 'unmaintained' },
      },
    });
  });

  it('build only the editions asked for, plus Next', () => {
    expect(docsVersionOptions(siteWith(['2027.1', '2026.1']), ['2027.1']).onlyIncludeVersions).toEqual(['current', '2027.1']);
  });

  it('give the newest edition its permanent address as a redirect, and leave other paths alone', () => {
    const redirects = editionRedirects(siteWith(['2027.1', '2026.1']));
    expect(redirects('/docs/conditions/ptsd')).toEqual(['/docs/2027.1/conditions/ptsd']);
    expect(redirects('/docs')).toEqual(['/docs/2027.1']);
    expect(redirects('/docs/next/conditions/ptsd')).toBeUndefined();
    expect(redirects('/docs/2026.1/conditions/ptsd')).toBeUndefined();
    expect(redirects('/search')).toBeUndefined();
  });

  it('compare Next with the newest edition and each edition with the one before', () => {
    expect(previousEdition('current', ['2027.1', '2026.1'])).toBe('2027.1');
    expect(previousEdition('2027.1', ['2027.1', '2026.1'])).toBe('2026.1');
    expect(previousEdition('2026.1', ['2027.1', '2026.1'])).toBeUndefined();
  });
});
