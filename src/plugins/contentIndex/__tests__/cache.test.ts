import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentInputsHash, pruneBundlerCache } from '../index';

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cache-'));
  const files: [string, string][] = [
    ['docs/a.md', '# A'],
    ['src/data/trials/x.yaml', 'id: x'],
    ['src/remark/plugin.ts', 'export {}'],
    ['src/remark/__tests__/plugin.test.ts', 'test'],
  ];
  for (const [path, text] of files) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the bundler cache version', () => {
  it('changes when a page, a data file or rendering code changes, and not for a test file', () => {
    const dir = site();
    const first = contentInputsHash(dir);
    expect(contentInputsHash(dir)).toBe(first);
    writeFileSync(join(dir, 'src/remark/__tests__/plugin.test.ts'), 'changed');
    expect(contentInputsHash(dir)).toBe(first);
    for (const path of ['src/data/trials/x.yaml', 'docs/a.md', 'src/remark/plugin.ts']) {
      const before = contentInputsHash(dir);
      writeFileSync(join(dir, path), 'changed');
      expect(contentInputsHash(dir), path).not.toBe(before);
    }
  });

  it('prunes old cache versions beyond the newest four, never one used within a day', () => {
    const dir = site();
    const cache = join(dir, 'node_modules/.cache/rspack');
    const now = Date.now();
    const ages = [0, 1, 2, 3, 4, 30, 40]; // hours
    ages.forEach((hours, i) => {
      mkdirSync(join(cache, `v${i}`), { recursive: true });
      const time = (now - hours * 3600 * 1000) / 1000;
      utimesSync(join(cache, `v${i}`), time, time);
    });
    pruneBundlerCache(dir, 4, now);
    expect(ages.map((_, i) => existsSync(join(cache, `v${i}`)))).toEqual([true, true, true, true, true, false, false]);
  });
});
