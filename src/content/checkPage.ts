/**
 * Every rule a page's Markdown tree must follow, in one walk.
 *
 * The content index parses each page once (src/content/page.ts) and calls
 * `checkTree` on the body and on every inline front-matter field; the
 * validator and the build both read the problems from there, so they can
 * never disagree. Problems carry the file, line and column and read as the
 * fix.
 */
import type {} from 'mdast-util-directive';
import type {} from 'mdast-util-math';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Nodes, Parent, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { findCitations, findMalformedCitations } from '../citations/syntax';
import { certaintyFromWords } from '../evidence/levels';
import type { Cite } from '../remark/citeNodes';
import { checkFormula, checkRawHtml } from './markup';
import type { ContentRules } from './frontMatter';
import type { Problem } from './problems';
import { CONTAINER_DIRECTIVES, GENERATED_BLOCKS } from './vocabulary';

export const REQUIRED_TOPIC_HEADINGS = ['In plain language', 'What remains uncertain'] as const;
export const FINDINGS_COLUMNS = ['Outcome', 'Effect', 'Studies (participants)', 'Certainty', 'Citations'] as const;
/** Words that tell a reader a number is missing; a findings table gives numbers or leaves the row out. */
export const GAP_WORDS = /not extracted|could not be verified|not verified/i;

/** Where a citation cannot be rendered as a numbered link, and what to do instead. */
const CITATION_PLACES: Readonly<Record<string, string>> = {
  heading: 'a heading',
  link: 'link text',
  linkReference: 'link text',
};

export interface CitationUse {
  readonly node: Cite;
  readonly line: number;
  readonly column: number;
}

export interface TreeCheck {
  readonly problems: Problem[];
  /** Citations in document order (all of them, including ones reported as misplaced). */
  readonly citations: CitationUse[];
  /** Level-2 headings, for the required sections. */
  readonly headings: string[];
  readonly findingsBlocks: number;
  /** Generated blocks used on the page, by name. */
  readonly blocks: string[];
}

export interface TreeContext {
  readonly file: string;
  /** Whether a key exists in the bibliography, and the nearest one when it does not. */
  readonly lookupKey: (key: string) => { known: true } | { known: false; suggestion?: string };
  /** Checks a generated block's attributes; returns the fix when they are wrong. */
  readonly checkBlock?: (name: string, attributes: Record<string, string | null | undefined>) => string | undefined;
  /** Lines to add to positions (for inline front-matter fields parsed on their own). */
  readonly lineOffset?: number;
  /** A one-line field such as a key point: only inline Markdown belongs there. */
  readonly inline?: boolean;
  /** Whether a site-relative path (e.g. `/img/x.svg`) names a file the site serves. */
  readonly staticFileExists?: (path: string) => boolean;
  /** The edition's rules (rules added later do not apply to editions cut before them). */
  readonly rules?: ContentRules;
}

const ESM_STATEMENT = /^(import\s[^\n]*\sfrom\s|import\s+['"]|export\s+(default|const|let|var|function|class|\{))/;

interface Point {
  line: number;
  column: number;
}

export function checkTree(tree: Root, context: TreeContext): TreeCheck {
  const problems: Problem[] = [];
  const offset = context.lineOffset ?? 0;
  const at = (node: { position?: { start: { line: number; column: number } } }): Point => ({
    line: (node.position?.start.line ?? 1) + offset,
    column: node.position?.start.column ?? 1,
  });
  const report = (point: Point, ruleId: string, message: string, severity?: 'warning') =>
    problems.push({ file: context.file, ...point, ruleId, message, ...(severity ? { severity } : {}) });
  const citations: CitationUse[] = [];
  const headings: string[] = [];
  const blocks: string[] = [];
  let findingsBlocks = 0;

  const checkKeys = (keys: readonly string[], point: Point) => {
    for (const key of keys) {
      const found = context.lookupKey(key);
      if (!found.known) {
        report(
          point,
          'citation-unknown-key',
          `unknown citation key \`${key}\`: add it to src/data/references.bib or correct the key${found.suggestion ? `; did you mean \`${found.suggestion}\`?` : ''}`,
        );
      }
    }
  };

  visitParents(tree, (node: Nodes, ancestors: Parent[]) => {
    const point = at(node);
    switch (node.type) {
      case 'cite': {
        const place = ancestors.map((a) => CITATION_PLACES[a.type]).find(Boolean);
        if (place) {
          report(
            point,
            'citation-placement',
            `a citation cannot stand in ${place}, where it cannot be numbered or linked: move \`[${node.keys.map((k) => `@${k}`).join('; ')}]\` into the sentence that follows`,
          );
        }
        checkKeys(node.keys, point);
        citations.push({ node, ...point });
        break;
      }
      case 'heading': {
        const text = toString(node).trim();
        if (context.inline) report(point, 'content-inline', 'this field holds one sentence of inline Markdown: remove the heading');
        if (node.depth === 1) report(point, 'content-heading', `remove the \`# ${text}\` heading: the title comes from the \`title\` front-matter field`);
        if (node.depth === 2) headings.push(text.replace(/\s*\{#[a-z0-9-]+\}$/, ''));
        if (/^references$/i.test(text)) report(point, 'content-heading', 'remove the References heading: the reference list is generated from the citations');
        break;
      }
      case 'text': {
        for (const bad of findMalformedCitations(node.value)) {
          report(point, 'citation-malformed', `malformed citation \`${bad.text}\`: ${bad.fix}`);
        }
        const parent = ancestors.at(-1);
        if (parent?.type === 'paragraph' && parent.children[0] === node && ESM_STATEMENT.test(node.value)) {
          report(point, 'content-code', 'remove the `import`/`export` statement: pages are plain Markdown and cannot run code');
        }
        break;
      }
      case 'code':
      case 'inlineCode': {
        if (findCitations(node.value).length > 0) {
          report(
            point,
            'citation-placement',
            'a citation cannot stand in code, where it is never counted or numbered: move it out of the code, or write the key without `@` if you mean to show the syntax',
          );
        }
        break;
      }
      case 'image': {
        if (findCitations(node.alt ?? '').length > 0) {
          report(
            point,
            'citation-placement',
            'a citation cannot stand in an image’s alternative text: cite the source in the caption or the sentence beside the image',
          );
        }
        checkUrl(node.url, point, report, context);
        break;
      }
      case 'link':
      case 'definition': {
        checkUrl(node.url, point, report, context);
        break;
      }
      case 'math':
      case 'inlineMath': {
        const result = checkFormula(node.value, node.type === 'math');
        if (!result.ok) report(point, 'math-parse', `KaTeX cannot render this formula (${result.reason}): correct the TeX`);
        break;
      }
      case 'containerDirective': {
        if (context.inline) report(point, 'content-inline', 'this field holds inline Markdown: remove the block');
        if (!(CONTAINER_DIRECTIVES as readonly string[]).includes(node.name)) {
          report(point, 'content-directive', `unknown block \`:::${node.name}\`: use one of ${CONTAINER_DIRECTIVES.map((n) => `:::${n}`).join(', ')}`);
        } else if (node.name === 'findings') {
          findingsBlocks += 1;
          checkFindings(node, point, offset, report, context.rules?.rules2026_2 ?? true);
        }
        break;
      }
      case 'leafDirective': {
        if (!(node.name in GENERATED_BLOCKS)) {
          report(
            point,
            'content-directive',
            `unknown generated block \`::${node.name}\`: use one of ${Object.keys(GENERATED_BLOCKS)
              .map((n) => `::${n}`)
              .join(', ')}`,
          );
        } else {
          blocks.push(node.name);
          const fix = context.checkBlock?.(node.name, node.attributes ?? {});
          if (fix) report(point, 'content-directive', `\`::${node.name}\`: ${fix}`);
        }
        break;
      }
      case 'textDirective': {
        report(point, 'content-directive', `\`:${node.name}\` reads as an inline directive: write \`\\:${node.name}\` (escape the colon) if you mean the text`);
        break;
      }
      default: {
        if (/^mdx/.test(node.type)) report(point, 'content-code', 'pages are plain Markdown: remove JSX, `import`/`export` and `{expressions}`');
      }
    }
  });

  for (const problem of checkRawHtml(tree, offset)) report(problem, problem.ruleId, problem.message);
  return { problems, citations, headings, findingsBlocks, blocks };
}

function checkUrl(url: string, point: Point, report: (at: Point, ruleId: string, message: string) => void, context: TreeContext) {
  if (/^\s*(javascript|vbscript|data|file):/i.test(url)) {
    report(point, 'content-code', `the link target \`${url.slice(0, 30)}\` could run code: link to a page or an https:// address`);
    return;
  }
  if (/^http:\/\//i.test(url)) {
    report(point, 'content-link', `use https:// instead of http:// in \`${url}\``);
    return;
  }
  // The build links its own static files (PDF packets) this way; in a page it would skip the link check.
  if (/^\s*pathname:/i.test(url)) {
    report(
      point,
      'link-broken',
      `\`${url.slice(0, 40)}\` skips the build's link check: link to a page's .md file, or to a file in static/ by its path (e.g. \`/img/figure.svg\`)`,
    );
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return;
  const [path] = url.split('#');
  let target: string;
  try {
    target = decodeURIComponent(path!);
  } catch {
    report(point, 'link-broken', `the link \`${url}\` has a malformed %-escape: write the file name as it is, or escape \`%\` as \`%25\``);
    return;
  }
  if (!target) return;
  if (target.startsWith('/')) {
    if (context.staticFileExists?.(target)) return;
    report(
      point,
      'link-broken',
      `\`${url}\` is a URL path: link to the page's Markdown file relative to this one (e.g. \`../routes/intravenous.md\`), so the link follows editions and the build can check it`,
    );
    return;
  }
  const file = resolve(dirname(context.file), target);
  if (!existsSync(file)) {
    report(point, 'link-broken', `the link target \`${url}\` does not exist: link to an existing page's .md file, relative to this file`);
  } else if (!/\.md$/.test(target)) {
    report(point, 'link-broken', `link to the page's Markdown file (\`…/page.md\`), not \`${url}\`, so the link survives URL changes and editions`);
  }
}

function checkFindings(node: Parent, at: Point, offset: number, report: (at: Point, ruleId: string, message: string) => void, numbersRequired: boolean) {
  const tables = node.children.filter((child): child is Table => child.type === 'table');
  if (tables.length !== 1 || node.children.length !== 1) {
    report(at, 'findings-table', 'a `:::findings` block holds exactly one Markdown table and nothing else');
    return;
  }
  const rowAt = (row: Nodes): Point => ({ line: (row.position?.start.line ?? 1) + offset, column: row.position?.start.column ?? 1 });
  const [header, ...rows] = tables[0]!.children;
  const columns = header!.children.map((cell) => toString(cell).trim());
  if (columns.join('|') !== FINDINGS_COLUMNS.join('|')) {
    report(
      rowAt(header!),
      'findings-table',
      `the summary-of-findings columns must be exactly: | ${FINDINGS_COLUMNS.join(' | ')} | (found: | ${columns.join(' | ')} |)`,
    );
    return;
  }
  if (rows.length === 0) report(at, 'findings-table', 'add at least one outcome row to the summary-of-findings table');
  for (const row of rows) {
    const cells = row.children.map((cell) => toString(cell).trim());
    const point = rowAt(row);
    if (cells.length !== FINDINGS_COLUMNS.length) {
      report(point, 'findings-table', `this row has ${cells.length} cells; a findings row has ${FINDINGS_COLUMNS.length}`);
      continue;
    }
    if (!certaintyFromWords(cells[3]!)) {
      report(point, 'findings-certainty', `the certainty \`${cells[3]}\` is not a GRADE level: write High, Moderate, Low or Very low`);
    }
    const cites = row.children[4]!.children.filter((child) => child.type === 'cite');
    if (cites.length === 0) report(point, 'findings-citation', `the outcome \`${cells[0]}\` has no citation: put \`[@key]\` in its Citations cell`);
    for (const cell of cells.slice(1, 3)) if (!cell) report(point, 'findings-table', `fill every cell of the outcome \`${cells[0]}\``);
    if (numbersRequired && cells.some((cell) => GAP_WORDS.test(cell))) {
      report(
        point,
        'findings-gap',
        `the row \`${cells[0]}\` says a number is missing: give the number from the source, or remove the row and list the gap in the review queue`,
      );
    }
  }
}

export function isIndexPage(docPath: string): boolean {
  return /(^|\/)index\.mdx?$/.test(docPath);
}
