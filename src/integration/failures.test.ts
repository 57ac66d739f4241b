/**
 * The test command fails, naming the file, when a contributor adds a
 * broken link, a misspelled word, a formula KaTeX cannot parse, or any of
 * the bad inputs the validator knows. These run the real commands.
 */
// cspell:ignore sprey -- the misspelling this test plants on purpose.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITE_DIR } from '../content/paths';
import { FIXTURES } from '../test/pipeline';

const bin = (name: string) => join(SITE_DIR, 'node_modules', '.bin', name);
const run = (command: string, args: string[], cwd = SITE_DIR) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
};

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the site in a temporary folder, sharing node_modules, for builds with a planted mistake. */
function siteCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-site-'));
  temporary.push(dir);
  for (const entry of ['docs', 'src', 'static', 'sidebars.ts', 'docusaurus.config.ts', 'package.json', 'tsconfig.json']) {
    cpSync(join(SITE_DIR, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(SITE_DIR, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function plant(dir: string, docPath: string, addition: string) {
  const file = join(dir, 'docs', docPath);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${addition}\n`);
}

describe('the validator command', () => {
  it('exits non-zero and names every bad file with line, column and fix', () => {
    const site = join(FIXTURES, 'bad');
    const { status, output } = run(bin('tsx'), ['src/scripts/validate.ts', '--site', site, '--bibliography', join(site, 'bad.bib')]);
    expect(status).toBe(1);
    for (const name of ['unknown-key.md:17:29', 'no-citation.md:1:1', 'bad-label.md:5:1', 'bad-front-matter.md:4:1', 'disallowed-content.md:10:1', 'bad-math.md:10:1', 'bad-findings.md:22:1', 'bad.bib:38:3']) {
      expect(output).toContain(name);
    }
    expect(output).toMatch(/validate: 7 pages in 1 content folder\(s\): \d+ error\(s\)/);
  });
});

describe('the spelling check', () => {
  it('fails on a misspelled word and names the file and line', () => {
    const dir = mkdtempSync(join(SITE_DIR, 'docs', '.spelling-'));
    temporary.push(dir);
    const file = join(dir, 'page.md');
    writeFileSync(file, 'Ketamine is an anesthetic.\n\nEsketamine is its S-enantiomer and is a nasal sprey.\n');
    const { status, output } = run(bin('cspell'), ['--no-progress', '--no-gitignore', '--dot', file]);
    expect(status).toBe(1);
    expect(output).toMatch(/page\.md:3:\d+ - Unknown word \(sprey\)/);
  });
});

describe('the production build', { timeout: 600_000 }, () => {
  it('fails on a broken link and names the page', () => {
    const dir = siteCopy();
    plant(dir, 'routes/intravenous.md', 'See [the missing page](/docs/routes/no-such-page).');
    const { status, output } = run(bin('docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir);
    expect(status).not.toBe(0);
    expect(output).toContain('Broken link on source page path = /docs/routes/intravenous');
    expect(output).toContain('/docs/routes/no-such-page');
  });

  it('fails on a formula KaTeX cannot parse and names the file and line', () => {
    const dir = siteCopy();
    plant(dir, 'routes/pharmacokinetics.md', '$$\n\\frac{1}{\n$$');
    const { status, output } = run(bin('docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/pharmacokinetics\.md:\d+:1: error: KaTeX cannot render this formula/);
  });
});

describe('editions', { timeout: 600_000 }, () => {
  it('keep an edition’s page when Next changes it, and list the label change on Next’s what-changed page', () => {
    const dir = siteCopy();
    for (const entry of ['versioned_docs', 'versioned_sidebars', 'versions.json']) {
      cpSync(join(SITE_DIR, entry), join(dir, entry), { recursive: true });
    }
    const page = join(dir, 'docs', 'conditions', 'ocd.md');
    const before = readFileSync(page, 'utf8');
    const old = /certainty: ([a-z-]+)/.exec(before)![1];
    const changed = old === 'moderate' ? 'low' : 'moderate';
    writeFileSync(page, before.replace(`certainty: ${old}`, `certainty: ${changed}`));
    const { status, output } = run(bin('docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir);
    expect(status, output).toBe(0);
    const edition = readFileSync(join(dir, 'build', 'docs', 'conditions', 'ocd.html'), 'utf8');
    const next = readFileSync(join(dir, 'build', 'docs', 'next', 'conditions', 'ocd.html'), 'utf8');
    expect(edition).toMatch(new RegExp(`data-evidence-level="?${old}`));
    expect(next).toMatch(new RegExp(`data-evidence-level="?${changed}`));
    const whatChanged = readFileSync(join(dir, 'build', 'docs', 'next', 'reference', 'what-changed.html'), 'utf8');
    const section = whatChanged.slice(whatChanged.indexOf('id=labels-changed'), whatChanged.indexOf('id=pages-added'));
    expect(section).toContain('Obsessive-compulsive disorder');
    expect(section).toMatch(new RegExp(`data-evidence-level="?${old}[\\s\\S]*data-evidence-level="?${changed}`));
  });
});
