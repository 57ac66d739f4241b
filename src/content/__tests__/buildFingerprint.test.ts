import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFingerprint } from '../buildFingerprint';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'docs', 'conditions'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'conditions', 'ocd.md'), '---\ntitle: OCD\n---\n');
  return dir;
}

const today = new Date('2026-12-01');

describe('the build fingerprint', () => {
  it('is stable while nothing changes', () => {
    const dir = site();
    expect(buildFingerprint(dir, today)).toBe(buildFingerprint(dir, today));
  });

  it('changes when any page changes, so pages made from other pages are recompiled', () => {
    const dir = site();
    const before = buildFingerprint(dir, today);
    writeFileSync(join(dir, 'docs', 'conditions', 'ocd.md'), '---\ntitle: Obsessive-compulsive disorder\n---\n');
    expect(buildFingerprint(dir, today)).not.toBe(before);
  });

  it('changes when a PDF packet appears, so the reading list links it', () => {
    const dir = site();
    const before = buildFingerprint(dir, today);
    mkdirSync(join(dir, '.packets', 'pdf', '2026.1'), { recursive: true });
    writeFileSync(join(dir, '.packets', 'pdf', '2026.1', 'list.pdf'), '%PDF-1.4');
    expect(buildFingerprint(dir, today)).not.toBe(before);
  });

  it('changes with the date, against which reviews fall due', () => {
    const dir = site();
    expect(buildFingerprint(dir, today)).not.toBe(buildFingerprint(dir, new Date('2026-12-02')));
  });

  it('ignores tests, which never reach a page', () => {
    const dir = site();
    const before = buildFingerprint(dir, today);
    mkdirSync(join(dir, 'src', 'content', '__tests__'), { recursive: true });
    writeFileSync(join(dir, 'src', 'content', '__tests__', 'a.test.ts'), 'test');
    expect(buildFingerprint(dir, today)).toBe(before);
  });
});
