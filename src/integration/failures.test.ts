/**
 * The test command fails, naming the file, when a contributor adds a
 * broken link, a misspelled word, a formula KaTeX cannot parse, or any of
 * the bad inputs the validator knows. These run the real commands.
 */
// cspell:ignore sprey -- the misspelling this test plants on purpose.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from '../content/paths';
import { FIXTURES } from '../test/pipeline';
import { run, siteCopy, temporaryDir } from '../test/site';

const bin = (name: string) => join(SITE_DIR, 'node_modules', '.bin', name);

function plant(dir: string, docPath: string, addition: string) {
  const file = join(dir, 'docs', docPath);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${addition}\n`);
}

describe('the validator command', () => {
  it('exits non-zero and names every bad file with line, column and fix', async () => {
    const site = join(FIXTURES, 'bad');
    const { status, output } = await run(bin('tsx'), ['src/scripts/validate.ts', '--site', site, '--bibliography', join(site, 'bad.bib')]);
    expect(status).toBe(1);
    for (const name of [
      'unknown-key.md:20:29',
      'no-citation.md:1:1',
      'bad-label.md:7:3',
      'bad-front-matter.md:4:1',
      'disallowed-content.md:10:1',
      'bad-math.md:10:1',
      'bad-findings.md:25:1',
      'bad.bib:38:3',
    ]) {
      expect(output).toContain(name);
    }
    expect(output).toMatch(/validate: 7 pages in 1 content folder\(s\): \d+ error\(s\)/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('reports a bibliography it cannot read instead of crashing', async () => {
    const { status, output } = await run(bin('tsx'), ['src/scripts/validate.ts', '--site', join(FIXTURES, 'bad'), '--bibliography', '/no/such/file.bib']);
    expect(status).toBe(1);
    expect(output).toContain('the bibliography cannot be read (ENOENT');
    expect(output).not.toMatch(/\n\s+at /);
  });
});

describe('the spelling check', { timeout: 60_000 }, () => {
  it('fails on a misspelled word and names the file and line', async () => {
    const dir = temporaryDir(join(SITE_DIR, 'docs', '.spelling-'));
    const file = join(dir, 'page.md');
    writeFileSync(file, 'Ketamine is an anesthetic.\n\nEsketamine is its S-enantiomer and is a nasal sprey.\n');
    const { status, output } = await run(bin('cspell'), ['--no-progress', '--no-gitignore', '--dot', file]);
    expect(status).toBe(1);
    expect(output).toMatch(/page\.md:3:\d+ - Unknown word \(sprey\)/);
  });
});

describe('the production build', { timeout: 600_000 }, () => {
  it('fails on a broken link written as a URL path and names the Markdown file and line', async () => {
    const dir = siteCopy();
    plant(dir, 'routes/intravenous.md', 'See [the missing page](/docs/routes/no-such-page).');
    const { status, output } = await run(bin('docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/docs\/routes\/intravenous\.md:\d+:5: error: `\/docs\/routes\/no-such-page` is a URL path/);
  });

  it('fails on a formula KaTeX cannot parse and names the file and line', async () => {
    const dir = siteCopy();
    plant(dir, 'routes/pharmacokinetics.md', '$$\n\\frac{1}{\n$$');
    const { status, output } = await run(bin('docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/pharmacokinetics\.md:\d+:1: error: KaTeX cannot render this formula/);
  });

  it('fails on a citation in a heading and names the file, line and column', async () => {
    const dir = siteCopy();
    plant(dir, 'routes/intravenous.md', '## Extra [@berman2000antidepressant]\n\nText.');
    const { status, output } = await run(bin('docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/intravenous\.md:\d+:10: error: a citation cannot stand in a heading/);
  });
});

describe('editions', { timeout: 600_000 }, () => {
  it('keep an edition’s page when Next changes it, and list the label change on Next’s what-changed page', async () => {
    const dir = siteCopy(true);
    const page = join(dir, 'docs', 'conditions', 'ocd.md');
    const before = readFileSync(page, 'utf8');
    const old = /certainty: ([a-z-]+)/.exec(before)![1];
    const changed = old === 'moderate' ? 'low' : 'moderate';
    writeFileSync(page, before.replace(`certainty: ${old}`, `certainty: ${changed}`));
    const { status, output } = await run(bin('docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir);
    expect(status, output).toBe(0);
    const edition = readFileSync(join(dir, 'build', 'docs', '2026.1', 'conditions', 'ocd.html'), 'utf8');
    const next = readFileSync(join(dir, 'build', 'docs', 'next', 'conditions', 'ocd.html'), 'utf8');
    expect(edition).toMatch(new RegExp(`data-evidence-level="?${old}`));
    expect(next).toMatch(new RegExp(`data-evidence-level="?${changed}`));
    const whatChanged = readFileSync(join(dir, 'build', 'docs', 'next', 'reference', 'what-changed.html'), 'utf8');
    const section = whatChanged.slice(whatChanged.indexOf('id=labels-changed'), whatChanged.indexOf('id=pages-added'));
    expect(section).toContain('Obsessive-compulsive disorder');
    expect(section).toMatch(new RegExp(`data-evidence-level="?${old}[\\s\\S]*data-evidence-level="?${changed}`));
  });
});
