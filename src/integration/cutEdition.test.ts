/**
 * Cutting an edition on a copy of the site: wrong names and content errors
 * are refused before anything is written; a real cut snapshots the pages,
 * the sidebar and the data the pages render.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, run, siteCopy } from '../test/site';

const cut = (dir: string, name?: string) => run(bin('tsx'), ['src/scripts/cut-edition.ts', ...(name ? [name] : [])], dir);
const editionsOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8')) as string[];

describe('npm run edition:cut', () => {
  it('refuses a missing, existing or earlier name without writing anything', async () => {
    const dir = siteCopy(true);
    const before = editionsOf(dir);
    const newest = before[0]!;
    for (const [name, message] of [
      [undefined, 'give the edition name as YYYY.N'],
      ['2026.1', 'edition 2026.1 already exists'],
      ['2025.9', `must come after the newest edition, ${newest}`],
      ['next', 'give the edition name as YYYY.N'],
    ] as const) {
      const result = await cut(dir, name);
      expect(result.status, result.output).toBe(1);
      expect(result.output).toContain(message);
      expect(result.output).not.toMatch(/\n\s+at /);
    }
    expect(editionsOf(dir)).toEqual(before);
  });

  it('refuses while the content has an error, naming the file', async () => {
    const dir = siteCopy(true);
    writeFileSync(join(dir, 'docs', 'conditions', 'ocd.md'), '---\ntitle: OCD\n---\n\nNo label.\n');
    const result = await cut(dir, '2099.1');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/docs\/conditions\/ocd\.md:\d+:\d+/);
    expect(result.output).toContain('fix them before cutting an edition');
    expect(existsSync(join(dir, 'versioned_docs', 'version-2099.1'))).toBe(false);
  });

  it('snapshots the pages, the sidebar and the rendered data', async () => {
    const dir = siteCopy(true);
    const before = editionsOf(dir);
    const result = await cut(dir, '2099.1');
    expect(result.status, result.output).toBe(0);
    expect(editionsOf(dir)).toEqual(['2099.1', ...before]);
    const edition = join(dir, 'versioned_docs', 'version-2099.1');
    expect(readFileSync(join(edition, 'conditions', 'ptsd.md'), 'utf8')).toBe(readFileSync(join(dir, 'docs', 'conditions', 'ptsd.md'), 'utf8'));
    expect(existsSync(join(dir, 'versioned_sidebars', 'version-2099.1-sidebars.json'))).toBe(true);
    expect(readFileSync(join(edition, '_data', 'label-facts.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'src', 'data', 'label-facts.yaml'), 'utf8'));
    expect(existsSync(join(edition, '_data', 'trials', 'ketamine-ptsd.yaml'))).toBe(true);
  }, 180_000);
});
