/**
 * A deployment under a sub-path (BASE_URL=/sub/) builds, links its pages
 * under that path, and the PDF command serves and prints from it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, run, siteCopy } from '../test/site';

describe('a site deployed under a sub-path', { timeout: 600_000 }, () => {
  it('builds with BASE_URL=/sub/ and prints a reading list as a PDF from that build', async () => {
    const dir = siteCopy(true);
    const build = await run(bin('docusaurus'), ['build'], dir, { BASE_URL: '/sub/' });
    expect(build.status, build.output.slice(-2000)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'build', 'pages.json'), 'utf8')) as { permalink: string }[];
    expect(manifest.every((page) => page.permalink.startsWith('/sub/docs/'))).toBe(true);
    const out = join(dir, 'trd.pdf');
    const pdf = await run(bin('tsx'), ['src/scripts/pdf.ts', 'trd-primer-for-residents', '--out', out], dir);
    expect(pdf.status, pdf.output).toBe(0);
    expect(existsSync(out)).toBe(true);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('a primer for psychiatry residents');
    expect(text).toContain('https://ketamine-evidence.example.org/sub/docs/');
  });
});
