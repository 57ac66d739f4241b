/**
 * The HTML validity stage can fail: a built page with invalid markup (the
 * KaTeX subscript and combobox cases it caught in this site) is reported
 * with its file, line and the checker's message, and the stage exits
 * non-zero; valid pages pass.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, run, temporaryDir } from '../test/site';

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('npm run check:html', () => {
  it('passes valid pages and fails an invalid one naming file, line and message', async () => {
    const dir = temporaryDir();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'index.html'), page('<main><h1>Fine</h1><p>Valid.</p></main>'));
    let result = await run(bin('tsx'), ['src/scripts/check-html.ts', dir]);
    expect(result.output).toContain('every built page is valid HTML');
    expect(result.status).toBe(0);

    writeFileSync(join(dir, 'docs', 'bad.html'), page('<main>\n<h1>Bad</h1>\n<input type="search" role="combobox" aria-expanded="false"></main>'));
    result = await run(bin('tsx'), ['src/scripts/check-html.ts', dir]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/docs\/bad\.html:3:\d+: Bad value “(combobox|search)” for attribute/);
    expect(result.output).toContain('1 HTML error(s)');
    expect(result.output).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('says what to do when there is no build', async () => {
    const result = await run(bin('tsx'), ['src/scripts/check-html.ts', join(temporaryDir(), 'missing')]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/does not exist: run `npm run build` first/);
  });
});
