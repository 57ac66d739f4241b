/**
 * Validates everything the build reads: every page of every edition and
 * the data files (through the content index, the same reading the build
 * uses), Markdown pages under src/pages, sidebar category files, and every
 * file under static/ that a browser would run or render. Returns every
 * problem at once and never throws: an unexpected failure on one file is a
 * positioned message for that file. The CLI (src/scripts/validate.ts)
 * prints them and sets the exit code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { auditHtml } from '../security/htmlAudit';
import { checkTree } from './checkPage';
import { contentRootDirs, loadSite, type SiteOptions } from './contentIndex';
import { stripBom } from './frontMatter';
import { parseMarkdown } from './markdown';
import type { Problem } from './problems';

export interface SiteValidation {
  readonly problems: Problem[];
  readonly pages: number;
  readonly roots: number;
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

const failed = (file: string, error: unknown): Problem => ({
  file,
  line: 1,
  column: 1,
  ruleId: 'internal-error',
  message: `the checker failed on this file (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): this is a bug in the site's tools; report it, and check the file by eye`,
});

/** Files a browser runs or renders from static/: HTML and SVG are audited like built pages, scripts are refused. */
export function checkStaticFiles(staticDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const file of walk(staticDir, () => true)) {
    const extension = extname(file).toLowerCase();
    try {
      if (['.js', '.mjs', '.cjs', '.wasm'].includes(extension)) {
        problems.push({
          file,
          line: 1,
          column: 1,
          ruleId: 'static-script',
          message: 'static/ cannot hold scripts: they would run unbundled and unreviewed; put code in src/ (a client module or a component)',
        });
      } else if (['.html', '.htm', '.xhtml', '.svg'].includes(extension)) {
        const text = stripBom(readFileSync(file, 'utf8'));
        // A script of any kind is refused in static files: no inline script is trusted and no script file is ours there.
        const audit = auditHtml(extension === '.svg' ? `<!doctype html><body>${text}` : text, { trustedScripts: new Set(), scriptFileIsOurs: () => false });
        for (const problem of audit.problems)
          problems.push({
            file,
            line: problem.line,
            column: problem.column,
            ruleId: 'static-html',
            message: `${problem.message}: remove it (static files cannot run code or redirect)`,
          });
        if (extension === '.svg' && /<\s*foreignObject\b/i.test(text))
          problems.push({ file, line: 1, column: 1, ruleId: 'static-html', message: 'remove `<foreignObject>` from the SVG: it can embed HTML' });
        if (/\b(?:href|src)\s*=\s*["']?\s*(?:https?:)?\/\//i.test(text))
          problems.push({
            file,
            line: 1,
            column: 1,
            ruleId: 'static-html',
            message: 'the file loads or links something from another host: the site serves everything itself',
          });
      }
    } catch (error) {
      problems.push(failed(file, error));
    }
  }
  return problems;
}

const PLAIN = /^[^<>{}[\]`]*$/;
const categorySchema = z.strictObject({
  label: z.string().min(1).max(60).regex(PLAIN, { error: '`label` is plain text: remove markup' }),
  position: z.number().finite().optional(),
  collapsed: z.boolean().optional(),
  collapsible: z.boolean().optional(),
  className: z
    .string()
    .regex(/^[a-z0-9 -]*$/)
    .optional(),
  link: z
    .union([
      z.strictObject({ type: z.literal('doc'), id: z.string().regex(/^[a-z0-9/-]+$/) }),
      z.strictObject({
        type: z.literal('generated-index'),
        title: z.string().max(90).regex(PLAIN).optional(),
        description: z.string().max(200).regex(PLAIN).optional(),
        slug: z
          .string()
          .regex(/^[a-z0-9/-]+$/)
          .optional(),
      }),
    ])
    .optional(),
});

/** Sidebar category files (`_category_.json` / `.yml`): their text reaches the sidebar and the breadcrumb JSON-LD. */
export function checkCategoryFiles(dirs: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of dirs.flatMap((dir) => walk(dir, (name) => /^_category_\.(json|ya?ml)$/.test(name)))) {
    try {
      const document = parseDocument(stripBom(readFileSync(file, 'utf8')), { uniqueKeys: true });
      if (document.errors.length > 0) {
        problems.push({
          file,
          line: 1,
          column: 1,
          ruleId: 'category-invalid',
          message: `the category file cannot be read (${document.errors[0]!.message.split('\n')[0]}): fix its syntax`,
        });
        continue;
      }
      const result = categorySchema.safeParse(document.toJS({ maxAliasCount: 20 }));
      if (!result.success) {
        for (const issue of result.error.issues)
          problems.push({ file, line: 1, column: 1, ruleId: 'category-invalid', message: `\`${issue.path.join('.') || 'category'}\`: ${issue.message}` });
      }
    } catch (error) {
      problems.push(failed(file, error));
    }
  }
  return problems;
}

/** Markdown pages outside the docs (src/pages): the same markup rules as the docs. */
export function checkMarkdownPages(pagesDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const file of walk(pagesDir, (name) => /\.mdx?$/.test(name))) {
    try {
      if (file.endsWith('.mdx'))
        problems.push({ file, line: 1, column: 1, ruleId: 'content-format', message: 'pages are plain Markdown: rename the file to `.md` (MDX can run code)' });
      const tree = parseMarkdown(stripBom(readFileSync(file, 'utf8')));
      // A standalone page takes its title from its first heading, and cites nothing from the bibliography.
      problems.push(
        ...checkTree(tree, { file, lookupKey: () => ({ known: true }) }).problems.filter(
          (p) => !p.ruleId.startsWith('citation') && p.ruleId !== 'content-heading',
        ),
      );
    } catch (error) {
      problems.push(failed(file, error));
    }
  }
  return problems;
}

export function validateSite(options: SiteOptions): SiteValidation {
  const site = loadSite(options);
  const problems = [
    ...site.problems,
    ...checkStaticFiles(site.paths.static),
    ...checkMarkdownPages(site.paths.pages),
    ...checkCategoryFiles(contentRootDirs(site.paths).map((root) => root.dir)),
  ];
  return { problems, pages: site.files, roots: site.roots.length };
}
