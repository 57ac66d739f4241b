import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureSite, FIXTURE_SITE } from '../../test/pipeline';
import { SITE_DIR } from '../paths';
import { formatProblem, isError } from '../problems';
import { checkCategoryFiles, checkMarkdownPages, checkStaticFiles, validateSite } from '../validate';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'validate-'));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const described = (problems: { line: number; ruleId: string; message: string }[]) => problems.map((p) => `${p.line} ${p.ruleId}: ${p.message}`);

describe('the fixture site', () => {
  it('passes, and lists pages past their review date as warnings', () => {
    expect(fixtureSite().problems.filter(isError)).toEqual([]);
    const late = fixtureSite(FIXTURE_SITE, new Date('2028-01-01')).problems.filter((p) => p.ruleId === 'review-due');
    expect(late.map((p) => p.severity)).toEqual(['warning', 'warning', 'warning']);
  });
});

describe('static files', () => {
  it('refuses scripts, and HTML or SVG that runs code, redirects or loads from another host', () => {
    const dir = folder({
      'evil.js': 'alert(1)',
      'page.html': '<!doctype html><html><head><title>x</title></head><body>\n<p onclick="x()">Hi</p>\n<script>alert(1)</script></body></html>',
      'redirect.html': '<!doctype html><html><head><meta http-equiv="refresh" content="0;url=https://evil.example"><title>x</title></head><body></body></html>',
      'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><a href="javascript:x()"><text>t</text></a></svg>',
      'img/ok.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
    });
    const problems = checkStaticFiles(dir).map((p) => `${p.file.slice(dir.length + 1)}:${p.line} ${p.ruleId}: ${p.message}`);
    expect(problems).toEqual([
      'evil.js:1 static-script: static/ cannot hold scripts: they would run unbundled and unreviewed; put code in src/ (a client module or a component)',
      'img/logo.svg:1 static-html: an inline script that Docusaurus did not write: "alert(1)": remove it (static files cannot run code or redirect)',
      'img/logo.svg:1 static-html: script URL in `href` of <a href="javascript:x()">: remove it (static files cannot run code or redirect)',
      'page.html:2 static-html: inline event handler `onclick` on <p onclick="x()">: remove it (static files cannot run code or redirect)',
      'page.html:3 static-html: an inline script that Docusaurus did not write: "alert(1)": remove it (static files cannot run code or redirect)',
      'redirect.html:1 static-html: <meta http-equiv="refresh" content="0;url=https://evil.example"> would send the reader to another address: remove it (static files cannot run code or redirect)',
    ]);
    expect(problems.some((p) => p.startsWith('img/ok.svg'))).toBe(false);
  });
});

describe('category files and Markdown pages outside the docs', () => {
  it('refuses markup in a category label, which reaches the sidebar and the breadcrumb JSON-LD', () => {
    const dir = folder({
      'docs/a/_category_.json': '{"label": "Risks</script><script>alert(1)</script>", "position": 2}',
      'docs/b/_category_.yml': 'label: Fine\nposition: 3\n',
    });
    expect(described(checkCategoryFiles([join(dir, 'docs')]))).toEqual(['1 category-invalid: `label`: `label` is plain text: remove markup']);
  });

  it('checks src/pages Markdown with the docs rules', () => {
    const dir = folder({ 'about.md': '# About\n\n<!--> <script>alert(1)</script> -->\n', 'other.mdx': 'Hello' });
    expect(described(checkMarkdownPages(dir))).toEqual([
      '3 content-code: `<script>` is not allowed: content cannot run, embed, restyle or redirect the page',
      '1 content-format: pages are plain Markdown: rename the file to `.md` (MDX can run code)',
    ]);
  });
});

describe('the real site', () => {
  it('has no content errors in any edition (run `npm run validate` for the list)', () => {
    const result = validateSite({ siteDir: SITE_DIR });
    expect(result.problems.filter(isError).map((p) => formatProblem(p, SITE_DIR))).toEqual([]);
    expect(result.pages).toBeGreaterThan(100);
  });

  it('reads every edition, so an old edition’s pages keep validating', () => {
    const copy = mkdtempSync(join(tmpdir(), 'site-'));
    temporary.push(copy);
    for (const entry of ['docs', 'versioned_docs', 'versions.json', 'src', 'static']) cpSync(join(SITE_DIR, entry), join(copy, entry), { recursive: true });
    writeFileSync(join(copy, 'versioned_docs', 'version-2026.1', 'conditions', 'ocd.md'), '---\ntitle: x\n---\n');
    const problems = validateSite({ siteDir: copy }).problems.filter((p) => p.file.includes('version-2026.1'));
    expect(problems.map((p) => p.ruleId)).toContain('front-matter-invalid');
  });
});
