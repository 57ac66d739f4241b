/**
 * Validates the whole site's content: the bibliography, every page of every
 * edition, links between pages, and the data files pages are built from.
 * Returns every problem at once; the CLI in src/scripts/validate.ts prints
 * them and sets the exit code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import yaml from 'js-yaml';
import { loadBibliography, suggestKey, type Bibliography } from '../citations/bibliography';
import { GLOSSARY_PATH, loadGlossary } from '../glossary/glossary';
import { parsePkData, PK_PARAMETERS_PATH } from '../pharmacokinetics/parameters';
import { checkPage } from './checkPage';
import { listMarkdownFiles, summarizePage } from './contentIndex';
import { parseMarkdown } from './markdown';
import type { Problem } from './problems';

export interface SiteValidation {
  readonly problems: Problem[];
  readonly pages: number;
  readonly roots: string[];
}

export interface ValidateOptions {
  readonly siteDir: string;
  readonly bibliographyPath: string;
  readonly pkParametersPath?: string;
  readonly today?: Date;
}

/** docs/ and every edition under versioned_docs/. */
export function contentRoots(siteDir: string): string[] {
  const roots = [join(siteDir, 'docs')];
  const versioned = join(siteDir, 'versioned_docs');
  if (existsSync(versioned)) {
    for (const entry of readdirSync(versioned, { withFileTypes: true })) {
      if (entry.isDirectory()) roots.push(join(versioned, entry.name));
    }
  }
  return roots.filter((root) => existsSync(root));
}

function frontMatterOf(tree: Root): Record<string, unknown> {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return {};
  const data = yaml.load(node.value);
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

function checkLinks(tree: Root, file: string, report: (problem: Problem) => void) {
  visit(tree, 'link', (node) => {
    const url = node.url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return;
    const target = decodeURI(url.split('#')[0]!);
    if (!target) return;
    const path = resolve(dirname(file), target);
    if (!existsSync(path)) {
      report({
        file,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        ruleId: 'link-broken',
        message: `the link target \`${url}\` does not exist: link to an existing page's .md file, relative to this file`,
      });
    } else if (!/\.mdx?$/.test(target)) {
      report({
        file,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        ruleId: 'link-broken',
        message: `link to the page's Markdown file (\`…/page.md\`), not \`${url}\`, so the link survives URL changes and editions`,
      });
    }
  });
}

function checkPkParameters(path: string, bibliography: Bibliography, report: (problem: Problem) => void) {
  if (!existsSync(path)) return;
  let data;
  try {
    data = parsePkData(JSON.parse(readFileSync(path, 'utf8')), path);
  } catch (error) {
    report({ file: path, line: 1, column: 1, ruleId: 'data-invalid', message: (error as Error).message });
    return;
  }
  const keys = [...data.sharedCitations, ...data.routes.flatMap((route) => route.citations)];
  for (const key of keys) {
    if (!bibliography.references.has(key)) {
      const suggestion = suggestKey(key, bibliography.references.keys());
      report({ file: path, line: 1, column: 1, ruleId: 'citation-unknown-key', message: `unknown citation key \`${key}\`: add it to the bibliography or correct it${suggestion ? `; did you mean \`${suggestion}\`?` : ''}` });
    }
  }
}

export function validateSite(options: ValidateOptions): SiteValidation {
  const problems: Problem[] = [];
  const report = (problem: Problem) => problems.push(problem);
  const bibliography = loadBibliography(options.bibliographyPath);
  problems.push(...bibliography.problems);

  const cited = new Set<string>();
  const roots = contentRoots(options.siteDir);
  let pages = 0;
  const todayIso = (options.today ?? new Date()).toISOString().slice(0, 10);
  for (const root of roots) {
    for (const file of listMarkdownFiles(root)) {
      pages += 1;
      const source = readFileSync(file, 'utf8');
      const tree = parseMarkdown(source);
      const docPath = file.slice(root.length + 1).replace(/\\/g, '/');
      let frontMatter: Record<string, unknown>;
      try {
        frontMatter = frontMatterOf(tree);
      } catch (error) {
        report({ file, line: 1, column: 1, ruleId: 'front-matter-yaml', message: `the front matter is not valid YAML (${(error as Error).message.split('\n')[0]}): fix the indentation or quoting` });
        continue;
      }
      const result = checkPage(tree, { file, docPath, source, frontMatter, bibliography, today: options.today });
      problems.push(...result.problems);
      result.citedKeys.forEach((key) => cited.add(key));
      checkLinks(tree, file, report);
      const summary = summarizePage(root, file, source);
      if (summary.nextReviewDue && summary.nextReviewDue <= todayIso) {
        report({ file, line: 1, column: 1, ruleId: 'review-due', severity: 'warning', message: `the review was due on ${summary.nextReviewDue}: review the page and update \`last_reviewed\`` });
      }
    }
  }

  if (existsSync(GLOSSARY_PATH) && options.siteDir === dirname(dirname(dirname(GLOSSARY_PATH)))) {
    try {
      loadGlossary();
    } catch (error) {
      report({ file: GLOSSARY_PATH, line: 1, column: 1, ruleId: 'data-invalid', message: (error as Error).message });
    }
  }

  const pkPath = options.pkParametersPath ?? PK_PARAMETERS_PATH;
  checkPkParameters(pkPath, bibliography, report);
  if (existsSync(pkPath)) {
    const data = JSON.parse(readFileSync(pkPath, 'utf8')) as Record<string, unknown>;
    JSON.stringify(data).match(/"[a-z]+\d{4}[a-z]+"/g)?.forEach((key) => cited.add(key.slice(1, -1)));
  }

  for (const reference of bibliography.references.values()) {
    if (!cited.has(reference.key)) {
      report({
        file: options.bibliographyPath,
        ...reference.position,
        ruleId: 'bibliography-unused',
        severity: 'warning',
        message: `\`${reference.key}\` is cited by no page: cite it or leave it for a later edition (entries are never deleted once an edition cites them)`,
      });
    }
  }
  return { problems, pages, roots };
}
