/**
 * Every rule a page must follow, checked on its Markdown tree.
 *
 * The validator (before the build, all pages at once) and the build's
 * remark plugin (each page as it compiles) both call `checkPage`, so the two
 * can never disagree. Problems carry the file, line and column and read as
 * the fix.
 */
import type {} from 'mdast-util-directive';
import type {} from 'mdast-util-math';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import katex from 'katex';
import type { Nodes, Parent, Root, Table, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { suggestKey, type Bibliography } from '../citations/bibliography';
import { findCitations, findMalformedCitations } from '../citations/syntax';
import { certaintyFromWords } from '../evidence/levels';
import { checkFrontMatter, type PageFrontMatter } from './frontMatter';
import type { Problem } from './problems';
import { sectionOf } from './sections';
import {
  ALLOWED_HTML,
  CONTAINER_DIRECTIVES,
  DANGEROUS_HTML,
  GENERATED_BLOCKS,
} from './vocabulary';

export const REQUIRED_TOPIC_HEADINGS = ['In plain language', 'What remains uncertain'] as const;
export const FINDINGS_COLUMNS = ['Outcome', 'Effect', 'Studies (participants)', 'Certainty', 'Citations'] as const;

export interface PageContext {
  readonly file: string;
  /** The path inside the content root, e.g. `conditions/ptsd.md`. */
  readonly docPath: string;
  readonly source: string;
  readonly frontMatter: Record<string, unknown>;
  readonly bibliography: Bibliography;
  readonly today?: Date;
}

export interface PageCheck {
  readonly problems: Problem[];
  readonly frontMatter?: PageFrontMatter;
  /** Cited keys in order of first use (key points first, then the body). */
  readonly citedKeys: string[];
}

interface Point {
  line: number;
  column: number;
}

/** The position of an offset inside a text node's value. */
function pointInText(node: Text, offset: number): Point {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset);
  const lines = before.split('\n');
  return lines.length === 1
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

const startOf = (node: Nodes): Point => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

export function isIndexPage(docPath: string): boolean {
  return /(^|\/)index\.mdx?$/.test(docPath);
}

export function checkPage(tree: Root, context: PageContext): PageCheck {
  const problems: Problem[] = [];
  const report = (at: Point, ruleId: string, message: string, severity?: 'warning') =>
    problems.push({ file: context.file, ...at, ruleId, message, ...(severity ? { severity } : {}) });

  if (/\.mdx$/.test(context.docPath)) {
    report({ line: 1, column: 1 }, 'content-format', 'pages are plain Markdown: rename the file to `.md` (MDX can run code)');
  }

  // Scaffold prompts left in a page are reported (not fatal) so a reviewer sees them before merge.
  context.source.split('\n').forEach((line, index) => {
    const column = line.search(/\bTODO\b/);
    if (column !== -1) report({ line: index + 1, column: column + 1 }, 'content-placeholder', 'replace this TODO prompt with the page’s own text', 'warning');
  });

  const fm = checkFrontMatter(context.frontMatter, { file: context.file, source: context.source, today: context.today });
  problems.push(...fm.problems);
  const isTopic = (context.frontMatter.page_type ?? 'topic') === 'topic';

  const citedKeys: string[] = [];
  const cite = (keys: readonly string[], at: Point) => {
    for (const key of keys) {
      if (!context.bibliography.references.has(key)) {
        const suggestion = suggestKey(key, context.bibliography.references.keys());
        report(
          at,
          'citation-unknown-key',
          `unknown citation key \`${key}\`: add it to src/data/references.bib or correct the key${
            suggestion ? `; did you mean \`${suggestion}\`?` : ''
          }`,
        );
      } else if (!citedKeys.includes(key)) citedKeys.push(key);
    }
  };
  const checkCitationText = (text: string, at: (offset: number) => Point) => {
    for (const citation of findCitations(text)) cite(citation.keys, at(citation.start));
    for (const bad of findMalformedCitations(text)) {
      report(at(bad.start), 'citation-malformed', `malformed citation \`${bad.text}\`: ${bad.fix}`);
    }
  };

  // Key points come first on the rendered page, so their citations are numbered first.
  const keyPoints = Array.isArray(context.frontMatter.key_points) ? context.frontMatter.key_points : [];
  const keyPointsLine = context.source.split('\n').findIndex((line) => /^key_points\s*:/.test(line)) + 1;
  keyPoints.forEach((point, index) => {
    if (typeof point === 'string') {
      checkCitationText(point, () => ({ line: keyPointsLine + index + 1, column: 1 }));
    }
  });

  const headings: string[] = [];
  let findingsBlocks = 0;

  visitParents(tree, (node, ancestors) => {
    const at = startOf(node);
    switch (node.type) {
      case 'heading': {
        const text = toString(node).trim();
        if (node.depth === 1) {
          report(at, 'content-heading', `remove the \`# ${text}\` heading: the title comes from the \`title\` front-matter field`);
        }
        if (node.depth === 2) headings.push(text);
        if (/^references$/i.test(text)) {
          report(at, 'content-heading', 'remove the References heading: the reference list is generated from the citations');
        }
        break;
      }
      case 'text': {
        if (ancestors.some((a) => (a.type as string) === 'inlineCode' || (a.type as string) === 'code')) break;
        checkCitationText(node.value, (offset) => pointInText(node, offset));
        const parent = ancestors.at(-1);
        if (parent?.type === 'paragraph' && parent.children[0] === node && ESM_STATEMENT.test(node.value)) {
          report(at, 'content-code', 'remove the `import`/`export` statement: pages are plain Markdown and cannot run code');
        }
        break;
      }
      case 'html': {
        checkHtml(node.value, at, report);
        break;
      }
      case 'link':
      case 'image':
      case 'definition': {
        if (/^\s*(javascript|vbscript|data):/i.test(node.url)) {
          report(at, 'content-code', `the link target \`${node.url.slice(0, 30)}\` could run code: link to a page or an https:// address`);
        } else if (/^http:\/\//i.test(node.url)) {
          report(at, 'content-link', `use https:// instead of http:// in \`${node.url}\``);
        }
        break;
      }
      case 'math':
      case 'inlineMath': {
        try {
          katex.renderToString(node.value, { displayMode: node.type === 'math', throwOnError: true, strict: 'error' });
        } catch (error) {
          const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
          report(at, 'math-parse', `KaTeX cannot render this formula (${reason}): correct the TeX`);
        }
        break;
      }
      case 'containerDirective': {
        if (!(CONTAINER_DIRECTIVES as readonly string[]).includes(node.name)) {
          report(at, 'content-directive', `unknown block \`:::${node.name}\`: use one of ${CONTAINER_DIRECTIVES.map((n) => `:::${n}`).join(', ')}`);
        } else if (node.name === 'findings') {
          findingsBlocks += 1;
          checkFindings(node, at, report);
        }
        break;
      }
      case 'leafDirective': {
        if (!(node.name in GENERATED_BLOCKS)) {
          report(at, 'content-directive', `unknown generated block \`::${node.name}\`: use one of ${Object.keys(GENERATED_BLOCKS).map((n) => `::${n}`).join(', ')}`);
        }
        break;
      }
      default: {
        if (/^mdx/.test(node.type)) {
          report(at, 'content-code', 'pages are plain Markdown: remove JSX, `import`/`export` and `{expressions}`');
        }
      }
    }
  });

  if (context.frontMatter.page_type === 'reading-list' && Array.isArray(context.frontMatter.readings)) {
    const line = context.source.split('\n').findIndex((l) => /^readings\s*:/.test(l)) + 1;
    context.frontMatter.readings.forEach((item: unknown, index: number) => {
      const reading = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      if (typeof reading.page !== 'string') return;
      const target = resolve(dirname(context.file), reading.page);
      if (!existsSync(target)) {
        report({ line, column: 1 }, 'reading-list-invalid', `reading ${index + 1}: the page \`${reading.page}\` does not exist; give a path relative to this file`);
      } else if (typeof reading.section === 'string' && !readFileSync(target, 'utf8').includes(`{#${reading.section}}`)) {
        report({ line, column: 1 }, 'reading-list-anchor', `reading ${index + 1}: \`${reading.page}\` has no heading with the explicit id \`{#${reading.section}}\`; add it to the heading so the link stays stable`);
      }
    });
  }

  if (isTopic) {
    for (const required of REQUIRED_TOPIC_HEADINGS) {
      if (!headings.some((h) => h.toLowerCase() === required.toLowerCase())) {
        report({ line: 1, column: 1 }, 'content-section-missing', `add a \`## ${required}\` section: every topic page has one (see CONTRIBUTING.md)`);
      }
    }
    if (citedKeys.length === 0 && !problems.some((p) => p.ruleId === 'citation-unknown-key')) {
      report({ line: 1, column: 1 }, 'citation-none', 'a topic page must cite its sources: add at least one citation such as `[@berman2000antidepressant]`');
    }
    const section = sectionOf(context.docPath);
    if (section?.requiresFindings && !isIndexPage(context.docPath) && findingsBlocks === 0) {
      report({ line: 1, column: 1 }, 'findings-missing', 'a condition page needs a summary-of-findings table inside a `:::findings` block (see CONTRIBUTING.md)');
    }
    if (section?.officialRecords && !isIndexPage(context.docPath) && fm.frontMatter?.evidence?.certainty !== 'official-record') {
      report({ line: 1, column: 1 }, 'evidence-label-invalid', 'regulation pages document official records: set `evidence.certainty: official-record`');
    }
  }

  return { problems, frontMatter: fm.frontMatter, citedKeys };
}

/** A line that looks like an ES module statement, which MDX would execute. */
const ESM_STATEMENT = /^(import\s[^\n]*\sfrom\s|import\s+['"]|export\s+(default|const|let|var|function|class|\{))/;

/** Opening (and self-closing) tags; closing tags add nothing to check. */
const TAG = /<([a-zA-Z][\w:-]*)([^>]*)>/g;

function checkHtml(value: string, at: Point, report: (at: Point, ruleId: string, message: string) => void) {
  const withoutComments = value.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(TAG)) {
    const tag = match[1]!.toLowerCase();
    const attributes = match[2]!.trim().replace(/\/$/, '').trim();
    if ((DANGEROUS_HTML as readonly string[]).includes(tag)) {
      report(at, 'content-code', `\`<${tag}>\` is not allowed: content cannot run or embed code`);
    } else if (/(^|\s)on[a-z]+\s*=/i.test(attributes)) {
      report(at, 'content-code', `remove the event handler in \`<${tag}>\`: content cannot run code`);
    } else if (/javascript:/i.test(attributes)) {
      report(at, 'content-code', `remove the \`javascript:\` URL in \`<${tag}>\`: content cannot run code`);
    } else if (!(ALLOWED_HTML as readonly string[]).includes(tag) || attributes) {
      report(at, 'content-html', `raw HTML \`<${tag}${attributes ? ' …' : ''}>\` is not allowed: write Markdown (only ${ALLOWED_HTML.map((t) => `<${t}>`).join(', ')} without attributes are kept)`);
    }
  }
}

function checkFindings(
  node: Parent,
  at: Point,
  report: (at: Point, ruleId: string, message: string) => void,
) {
  const tables = node.children.filter((child): child is Table => child.type === 'table');
  if (tables.length !== 1 || node.children.length !== 1) {
    report(at, 'findings-table', 'a `:::findings` block holds exactly one Markdown table and nothing else');
    return;
  }
  const [header, ...rows] = tables[0]!.children;
  const columns = header!.children.map((cell) => toString(cell).trim());
  if (columns.join('|') !== FINDINGS_COLUMNS.join('|')) {
    report(startOf(header!), 'findings-table', `the summary-of-findings columns must be exactly: | ${FINDINGS_COLUMNS.join(' | ')} | (found: | ${columns.join(' | ')} |)`);
    return;
  }
  if (rows.length === 0) report(at, 'findings-table', 'add at least one outcome row to the summary-of-findings table');
  for (const row of rows) {
    const rowAt = startOf(row);
    const cells = row.children.map((cell) => toString(cell).trim());
    if (cells.length !== FINDINGS_COLUMNS.length) {
      report(rowAt, 'findings-table', `this row has ${cells.length} cells; a findings row has ${FINDINGS_COLUMNS.length}`);
      continue;
    }
    if (!certaintyFromWords(cells[3]!)) {
      report(rowAt, 'findings-certainty', `the certainty \`${cells[3]}\` is not a GRADE level: write High, Moderate, Low or Very low`);
    }
    if (findCitations(cells[4]!).length === 0) {
      report(rowAt, 'findings-citation', `the outcome \`${cells[0]}\` has no citation: put \`[@key]\` in its Citations cell`);
    }
    for (const cell of cells.slice(1, 3)) if (!cell) report(rowAt, 'findings-table', `fill every cell of the outcome \`${cells[0]}\``);
  }
}
