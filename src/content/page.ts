/**
 * The page model: one typed reading of a page, made once per build.
 *
 * `parsePage` reads the front matter (positions from the `yaml` package,
 * rules from the zod schema), parses the Markdown into a tree with
 * citation nodes, parses the inline front-matter fields (bottom line, key
 * points, notes, self-check explanations) the same way, and checks all of
 * it, returning the model and every problem at once. Nothing else in the
 * site reads a page's source: the content index, the build, the validator,
 * JSON-LD, the reference downloads, packets and search all start here.
 */
import { posix } from 'node:path';
import type { PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { checkTree, isIndexPage, REQUIRED_TOPIC_HEADINGS, type CitationUse, type TreeContext } from './checkPage';
import { checkFrontMatter, readFrontMatter, stripBom, type ContentRules, type FrontMatter } from './frontMatter';
import { parseMarkdown } from './markdown';
import type { Problem } from './problems';
import { sectionOf } from './sections';

export interface PageInput {
  readonly file: string;
  /** The content root the page belongs to: docs/ or an edition's folder. */
  readonly root: string;
  /** The path inside the root with forward slashes, e.g. `conditions/ptsd.md`. */
  readonly docPath: string;
  /** `current` for docs/ (Next), otherwise the edition name. */
  readonly version: string;
  readonly source: string;
}

export interface InlineField {
  /** The field's path in the front matter, e.g. ['key_points', 2]. */
  readonly path: readonly (string | number)[];
  readonly line: number;
  readonly children: PhrasingContent[];
}

export interface PageModel extends Omit<PageInput, 'source'> {
  readonly sectionId?: string;
  readonly frontMatter: FrontMatter;
  /** The body as parsed, with `cite` nodes (the front matter's yaml node first). */
  readonly tree: Root;
  readonly bottomLine?: InlineField;
  readonly keyPoints: readonly InlineField[];
  /** Other inline fields (reading notes, objectives, self-check text), by path joined with dots. */
  readonly fields: ReadonlyMap<string, InlineField>;
  /** Explicit heading ids (`{#id}`), which reading lists may point at. */
  readonly headingIds: ReadonlySet<string>;
  /** Cited keys as written, in order of first use: bottom line, key points, then the body. */
  readonly citedKeys: readonly string[];
  /** Generated blocks the body uses. */
  readonly blocks: readonly string[];
  readonly level2Headings: readonly string[];
  readonly findingsBlocks: number;
  /** Words of running text, for reading-time estimates. */
  readonly words: number;
  /** The line of each top-level front-matter field, for messages about it. */
  readonly fieldLines: Readonly<Record<string, number>>;
}

/** The doc path a relative link or reading points at, from the page that holds it. */
export function resolveDocPath(from: Pick<PageModel, 'docPath'>, target: string): string {
  return posix.normalize(posix.join(posix.dirname(from.docPath), target.split('#')[0]!));
}

export interface ParsedPage {
  readonly page?: PageModel;
  readonly problems: Problem[];
}

export interface PageRules extends Omit<TreeContext, 'file' | 'lineOffset' | 'inline'> {
  readonly rules: ContentRules;
  /** YYYY-MM-DD; dates after it are refused. */
  readonly today?: string;
}

/** Running words of a tree: text only, so code, math, URLs and citation keys are not counted. */
export function countWords(tree: Root | { children: PhrasingContent[] }): number {
  let words = 0;
  visit(tree as Root, 'text', (node) => {
    words += node.value
      .replace(/\{#[a-z0-9-]+\}/g, ' ')
      .split(/\s+/)
      .filter((word) => /[A-Za-z0-9]/.test(word)).length;
  });
  return words;
}

const TODO = /\bTODO\b/;

export function parsePage(input: PageInput, rules: PageRules): ParsedPage {
  const problems: Problem[] = [];
  const source = stripBom(input.source);
  if (/\.mdx$/.test(input.docPath)) {
    problems.push({
      file: input.file,
      line: 1,
      column: 1,
      ruleId: 'content-format',
      message: 'pages are plain Markdown: rename the file to `.md` (MDX can run code)',
    });
  }
  // Scaffold prompts left in a page are reported (not fatal) so a reviewer sees them before merge.
  source.split('\n').forEach((line, index) => {
    const column = line.search(TODO);
    if (column !== -1)
      problems.push({
        file: input.file,
        line: index + 1,
        column: column + 1,
        ruleId: 'content-placeholder',
        severity: 'warning',
        message: 'replace this TODO prompt with the page’s own text',
      });
  });

  const read = readFrontMatter(input.file, input.source);
  problems.push(...read.problems);
  const checked = read.readable
    ? checkFrontMatter(read.data, { file: input.file, locate: read.locate, rules: rules.rules, today: rules.today })
    : { problems: [] };
  problems.push(...checked.problems);

  const tree = parseMarkdown(source);
  const body = checkTree(tree, { ...rules, file: input.file });
  problems.push(...body.problems);

  // Inline fields are parsed like the body and checked with its rules, at their own line.
  const inlineUses: CitationUse[] = [];
  const fields = new Map<string, InlineField>();
  const parseField = (path: (string | number)[], value: unknown): InlineField | undefined => {
    if (typeof value !== 'string') return undefined;
    const line = read.locate(path).line;
    const fieldTree = parseMarkdown(value);
    const result = checkTree(fieldTree, { ...rules, file: input.file, lineOffset: line - 1, inline: true });
    problems.push(...result.problems);
    const [first, ...rest] = fieldTree.children;
    if (!first || first.type !== 'paragraph' || rest.length > 0) {
      problems.push({
        file: input.file,
        line,
        column: 1,
        ruleId: 'content-inline',
        message: `\`${path.join('.')}\` holds one paragraph of inline Markdown: remove lists, headings and blank lines from it`,
      });
      return undefined;
    }
    inlineUses.push(...result.citations);
    const field: InlineField = { path, line, children: first.children };
    fields.set(path.join('.'), field);
    return field;
  };

  const data = read.data;
  const bottomLine = parseField(['bottom_line'], data.bottom_line);
  const keyPoints = Array.isArray(data.key_points)
    ? data.key_points.map((point, index) => parseField(['key_points', index], point)).filter((f): f is InlineField => Boolean(f))
    : [];
  if (Array.isArray(data.objectives)) data.objectives.forEach((item, index) => parseField(['objectives', index], item));
  if (Array.isArray(data.readings)) data.readings.forEach((item, index) => parseField(['readings', index, 'note'], (item as { note?: unknown } | null)?.note));
  if (Array.isArray(data.self_check)) {
    data.self_check.forEach((item, index) => {
      const question = (item ?? {}) as { question?: unknown; explanation?: unknown; options?: unknown };
      parseField(['self_check', index, 'question'], question.question);
      const explanation = parseField(['self_check', index, 'explanation'], question.explanation);
      if (explanation && !explanation.children.some((node) => node.type === 'cite')) {
        problems.push({
          file: input.file,
          line: explanation.line,
          column: 1,
          ruleId: 'self-check-invalid',
          message: `self-check question ${index + 1}: the explanation must cite its source, e.g. \`[@key]\``,
        });
      }
      if (Array.isArray(question.options)) {
        question.options.forEach((option, o) => parseField(['self_check', index, 'options', o, 'text'], (option as { text?: unknown } | null)?.text));
      }
    });
  }

  const headingIds = new Set<string>();
  visit(tree, 'heading', (node) => {
    const id = /\{#([a-z0-9-]+)\}\s*$/.exec(toString(node))?.[1];
    if (id) headingIds.add(id);
  });

  const citedKeys: string[] = [];
  // Bottom line first, then key points in order, then the body: the order the rendered page shows them.
  const inOrder = [
    ...(bottomLine ? inlineUses.filter((use) => use.line === bottomLine.line) : []),
    ...keyPoints.flatMap((point) => inlineUses.filter((use) => use.line === point.line)),
    ...body.citations,
  ];
  for (const use of inOrder) for (const key of use.node.keys) if (!citedKeys.includes(key)) citedKeys.push(key);

  const pageType = read.data.page_type ?? 'topic';
  if (pageType === 'topic') {
    const at = { file: input.file, line: 1, column: 1 };
    for (const required of REQUIRED_TOPIC_HEADINGS) {
      if (!body.headings.some((h) => h.toLowerCase() === required.toLowerCase())) {
        problems.push({
          ...at,
          ruleId: 'content-section-missing',
          message: `add a \`## ${required}\` section: every topic page has one (see CONTRIBUTING.md)`,
        });
      }
    }
    if (citedKeys.length === 0 && !problems.some((p) => p.ruleId === 'citation-unknown-key')) {
      problems.push({
        ...at,
        ruleId: 'citation-none',
        message: 'a topic page must cite its sources: add at least one citation such as `[@berman2000antidepressant]`',
      });
    }
    const section = sectionOf(input.docPath);
    if (section?.requiresFindings && !isIndexPage(input.docPath) && body.findingsBlocks === 0 && !body.blocks.includes('synthesis')) {
      problems.push({
        ...at,
        ruleId: 'findings-missing',
        message:
          'a condition page needs a summary-of-findings table: a `::synthesis` block from the trial dataset or a `:::findings` table (see CONTRIBUTING.md)',
      });
    }
    const certainty = (read.data.evidence as { certainty?: unknown } | undefined)?.certainty;
    if (section?.officialRecords && !isIndexPage(input.docPath) && certainty !== undefined && certainty !== 'official-record') {
      problems.push({
        file: input.file,
        ...read.locate(['evidence', 'certainty']),
        ruleId: 'evidence-label-invalid',
        message: 'regulation pages document official records: set `evidence.certainty: official-record`',
      });
    }
  }

  if (!checked.frontMatter) return { problems };
  const frontMatter = checked.frontMatter;
  return {
    problems,
    page: {
      file: input.file,
      root: input.root,
      docPath: input.docPath,
      version: input.version,
      sectionId: sectionOf(input.docPath)?.id,
      frontMatter,
      tree,
      bottomLine,
      keyPoints,
      fields,
      headingIds,
      citedKeys,
      blocks: body.blocks,
      level2Headings: body.headings,
      findingsBlocks: body.findingsBlocks,
      fieldLines: Object.fromEntries(Object.keys(read.data).map((key) => [key, read.locate([key]).line])),
      words:
        countWords(tree) +
        keyPoints.reduce((sum, point) => sum + countWords({ children: point.children }), 0) +
        (bottomLine ? countWords({ children: bottomLine.children }) : 0),
    },
  };
}
