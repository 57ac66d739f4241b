/**
 * The front matter of every page, defined once: how it is read (the `yaml`
 * package, with positions and alias limits) and what it may hold (a zod
 * schema). The validator, the build's content index and Docusaurus itself
 * (through `markdown.parseFrontMatter`) all read front matter through this
 * module, so no two of them can disagree about a page.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import * as z from 'zod';
import { EVIDENCE_BASIS_IDS, LABEL_LEVEL_IDS, levelOf, type EvidenceBasisId, type LabelLevelId } from '../evidence/levels';
import type { Problem } from './problems';

export const PAGE_TYPES = ['topic', 'guide', 'reading-list'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;
const MAX_REVIEW_INTERVAL_MONTHS = 36;
/** YAML aliases are rare in front matter; a small limit stops "billion laughs" documents. */
const MAX_ALIASES = 20;
/** The front matter block as Markdown tools read it: `---` lines at the very start. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/** Every field a page may set, with a line of help for the contributor (also printed for unknown fields). */
export const FRONT_MATTER_FIELDS: Readonly<Record<string, string>> = {
  title: 'the page title, plain text (required)',
  description: 'one or two sentences, 50 to 200 characters, plain text, for search results and link previews (required)',
  page_type: "`topic` (default: an evidence page with a label), `guide` (methods and reader's tools without a label) or `reading-list`",
  bottom_line: 'one or two sentences (40 to 300 characters) a clinician can act on, with citations; shown first on the page (required on topic pages)',
  evidence: 'the evidence label: `question`, `certainty`, `basis` and `rationale` (required on topic pages)',
  key_points: 'three to five bullets a busy clinician can act on (required on topic pages)',
  last_reviewed: 'the date of the last clinical review, YYYY-MM-DD (required)',
  literature_searched: 'the date the literature for this page was last searched, YYYY-MM-DD (required on topic pages)',
  reviewed_by:
    'independent clinical reviewers who signed off, each `- name: …` with `role`, `date` and `disclosures` (their interests, shown on the page); added by the reviewer in a pull request they approve; leave it out until a real reviewer has reviewed the page',
  review_interval_months: `months until the next review is due (default ${DEFAULT_REVIEW_INTERVAL_MONTHS}, at most ${MAX_REVIEW_INTERVAL_MONTHS})`,
  audience: 'reading lists: who the list is for',
  objectives: 'reading lists: what a reader will be able to do, as a list',
  readings: 'reading lists: the ordered pages, each `- page: ../section/page.md` with a `note` and optionally a `section` (an explicit heading id)',
  self_check:
    'reading lists: 5 to 10 multiple-choice questions, each with `question`, `options` (one marked `correct: true`), `explanation` with a citation, and `page`',
  sidebar_position: 'order of the page in its section (a number)',
  sidebar_label: 'a shorter title for the sidebar, plain text',
  keywords: 'extra search terms, as a list',
  hide_table_of_contents: 'true to hide the table of contents',
  toc_max_heading_level: 'deepest heading level in the table of contents (2 to 6)',
};

/** Which fields an edition's pages must have: editions cut before a field existed keep building without it. */
export interface ContentRules {
  /**
   * The rules introduced with edition 2026.2: topic pages need `bottom_line`,
   * `evidence.question` and `literature_searched`; a findings table gives
   * numbers, never "not extracted"; a reading list names each page once and
   * states no reading time that disagrees with the estimate.
   */
  readonly rules2026_2: boolean;
}

export const CURRENT_RULES: ContentRules = { rules2026_2: true };

export interface Point {
  readonly line: number;
  readonly column: number;
}

export interface ReadFrontMatter {
  /** The parsed front matter; empty when there is none or it cannot be read. */
  readonly data: Record<string, unknown>;
  /** The Markdown after the front matter block. */
  readonly body: string;
  /** Where a field (or the item of a list) is written, for messages; the block's first line when it is missing. */
  readonly locate: (path: readonly PropertyKey[]) => Point;
  /** False when the YAML itself could not be read; its fields are then not checked one by one. */
  readonly readable: boolean;
  readonly problems: Problem[];
}

/** A byte-order mark is invisible in an editor but hides the front matter from Markdown tools. */
export const stripBom = (source: string) => (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);

export function readFrontMatter(file: string, rawSource: string): ReadFrontMatter {
  const source = stripBom(rawSource);
  const problems: Problem[] = [];
  if (source !== rawSource) {
    problems.push({
      file,
      line: 1,
      column: 1,
      ruleId: 'content-encoding',
      severity: 'warning',
      message: 'the file starts with a byte-order mark: save it as UTF-8 without BOM (the build ignores the mark)',
    });
  }
  const match = FRONT_MATTER.exec(source);
  if (!match || match.index !== 0) return { data: {}, body: source, locate: () => ({ line: 1, column: 1 }), readable: true, problems };
  const text = match[1] ?? '';
  const counter = new LineCounter();
  let document: Document.Parsed | undefined;
  let data: Record<string, unknown> = {};
  // Line 1 is the opening `---`, so YAML line n is file line n + 1.
  const at = (offset: number): Point => {
    const { line, col } = counter.linePos(offset);
    return { line: line + 1, column: col };
  };
  try {
    document = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
    for (const error of document.errors) {
      problems.push({
        file,
        ...at(error.pos[0]),
        ruleId: 'front-matter-yaml',
        message: `the front matter is not valid YAML (${error.message.split('\n')[0]}): fix the indentation or quoting`,
      });
    }
    if (document.errors.length === 0) {
      const value: unknown = document.toJS({ maxAliasCount: MAX_ALIASES });
      if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
        problems.push({ file, line: 2, column: 1, ruleId: 'front-matter-yaml', message: 'the front matter must be a set of `field: value` lines' });
      } else data = (value ?? {}) as Record<string, unknown>;
    }
  } catch (error) {
    // `toJS` throws on alias bombs and on other resource limits; that is the contributor's file, not a crash.
    problems.push({
      file,
      line: 2,
      column: 1,
      ruleId: 'front-matter-yaml',
      message: `the front matter cannot be read (${(error as Error).message}): remove YAML aliases (\`&name\`/\`*name\`) and write values in full`,
    });
  }
  const locate = (path: readonly PropertyKey[]): Point => {
    if (!document) return { line: 1, column: 1 };
    // The deepest part of the path that exists: a mapping key is reported at the key, a list item at the item.
    for (let depth = path.length; depth > 0; depth -= 1) {
      const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1) as unknown[], true);
      const last = path[depth - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return at(range[0]);
      } else if (isSeq(parent) && typeof last === 'number') {
        const range = (parent.items[last] as { range?: [number, number, number] } | undefined)?.range;
        if (range) return at(range[0]);
      }
    }
    return { line: 2, column: 1 };
  };
  const readable = !problems.some((problem) => problem.ruleId === 'front-matter-yaml');
  return { data, body: source.slice(match[0].length), locate, readable, problems };
}

// ---------------------------------------------------------------------------
// The schema

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date: 2026-02-30 is refused rather than published as 2 March. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateField = (name: string) =>
  z
    .string({ error: `\`${name}\` must be a date written YYYY-MM-DD` })
    .regex(ISO_DATE, { error: `\`${name}\` must be a date written YYYY-MM-DD`, abort: true })
    .refine(isCalendarDate, { error: `\`${name}\` is not a real calendar date: check the day and month`, abort: true });

/** Plain-text fields end up in meta tags, JSON-LD and the sidebar: they hold no markup at all. */
const MARKUP = /<\s*[a-zA-Z!/?]|javascript:|&#|\]\(|\{#/i;
const plainText = (name: string, min: number, max: number) =>
  z
    .string({ error: `\`${name}\` must be text` })
    .trim()
    .min(min, { error: `\`${name}\` is too short: write ${min} to ${max} characters` })
    .max(max, { error: `\`${name}\` is too long: write ${min} to ${max} characters` })
    .refine((value) => !MARKUP.test(value), { error: `\`${name}\` is plain text: remove the HTML, link or markup from it` });

/**
 * Inline Markdown fields (key points, the bottom line) are parsed and
 * checked like the body. `name` is omitted for list items, whose messages
 * name the list and the item's number.
 */
const inlineMarkdown = (name: string | undefined, min: number, max: number) => {
  const subject = name ? `\`${name}\`` : 'it';
  return z
    .string({ error: `${name ? subject : 'each item'} must be text; a line containing \`: \` is read by YAML as a field, so wrap it in double quotes` })
    .trim()
    .min(min, { error: `${subject} is too short: write ${min} to ${max} characters` })
    .max(max, { error: `${subject} is too long: write ${min} to ${max} characters` });
};

const reviewer = z.strictObject({
  name: plainText('reviewed_by.name', 3, 80),
  role: plainText('reviewed_by.role', 3, 120),
  date: dateField('reviewed_by.date'),
  disclosures: plainText('reviewed_by.disclosures', 3, 300).optional(),
});

const reading = z.strictObject({
  page: z
    .string({ error: 'give `page` as the relative path of a page’s .md file' })
    .regex(/\.md$/, { error: 'give `page` as the relative path of a page’s .md file' }),
  note: inlineMarkdown('note', 3, 300),
  section: z
    .string()
    .regex(/^[a-z0-9-]+$/, { error: '`section` must be a heading id such as `summary-of-findings`' })
    .optional(),
});

const question = z
  .strictObject({
    question: inlineMarkdown('question', 10, 300),
    options: z
      .array(z.strictObject({ text: inlineMarkdown('text', 1, 200), correct: z.boolean().optional() }), {
        error: '`options` must be a list of `- text: …` items',
      })
      .min(3, { error: 'give 3 to 5 options' })
      .max(5, { error: 'give 3 to 5 options' }),
    explanation: inlineMarkdown('explanation', 20, 600),
    page: z
      .string({ error: 'give `page`: the relative path of the page that teaches the answer' })
      .regex(/\.md(#[a-z0-9-]+)?$/, { error: 'give `page` as the relative path of a page’s .md file' }),
  })
  .refine((q) => q.options.filter((o) => o.correct === true).length === 1, { error: 'mark exactly one option `correct: true`', path: ['options'] });

const evidence = z.strictObject({
  question: plainText('evidence.question', 20, 220).optional(),
  certainty: z.enum(LABEL_LEVEL_IDS, { error: `\`evidence.certainty\` must be one of: ${LABEL_LEVEL_IDS.join(', ')}` }),
  basis: z
    .preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z.array(z.enum(EVIDENCE_BASIS_IDS, { error: `each \`evidence.basis\` item must be one of: ${EVIDENCE_BASIS_IDS.join(', ')}` })),
    )
    .refine((list) => list.length > 0, { error: `\`evidence.basis\` must list the types of evidence, e.g. [randomized-trials]` }),
  rationale: plainText('evidence.rationale', 20, 300),
});

function schemaFor(rules: ContentRules, today: string | undefined) {
  const notFuture = (name: string) =>
    dateField(name).refine((value) => !today || value <= today, { error: `\`${name}\` is in the future: use the date it happened` });
  return z
    .strictObject({
      title: plainText('title', 3, 90),
      description: plainText('description', 50, 200),
      page_type: z.enum(PAGE_TYPES, { error: `\`page_type\` must be one of: ${PAGE_TYPES.join(', ')}` }).default('topic'),
      bottom_line: inlineMarkdown('bottom_line', 40, 300).optional(),
      evidence: evidence.optional(),
      key_points: z
        .array(inlineMarkdown(undefined, 10, 500), { error: '`key_points` must be a list of sentences' })
        .min(3, { error: 'write three to five `key_points`' })
        .max(5, { error: 'write three to five `key_points`' })
        .optional(),
      last_reviewed: notFuture('last_reviewed'),
      literature_searched: notFuture('literature_searched').optional(),
      reviewed_by: z.array(reviewer, { error: '`reviewed_by` is a list of reviewers, each with `name`, `role` and `date`' }).max(10).default([]),
      review_interval_months: z
        .number({ error: '`review_interval_months` must be a whole number' })
        .int({ error: '`review_interval_months` must be a whole number' })
        .min(1, { error: `\`review_interval_months\` must be from 1 to ${MAX_REVIEW_INTERVAL_MONTHS}` })
        .max(MAX_REVIEW_INTERVAL_MONTHS, { error: `\`review_interval_months\` must be from 1 to ${MAX_REVIEW_INTERVAL_MONTHS}` })
        .default(DEFAULT_REVIEW_INTERVAL_MONTHS),
      audience: plainText('audience', 5, 300).optional(),
      objectives: z
        .array(inlineMarkdown(undefined, 10, 300))
        .min(1)
        .max(10)
        .optional(),
      readings: z.array(reading).min(1).max(40).optional(),
      self_check: z.array(question).min(5, { error: 'write 5 to 10 self-check questions' }).max(10, { error: 'write 5 to 10 self-check questions' }).optional(),
      sidebar_position: z.number().finite().min(-1000).max(1000).optional(),
      sidebar_label: plainText('sidebar_label', 2, 60).optional(),
      keywords: z
        .array(plainText('keyword', 2, 60))
        .max(20)
        .optional(),
      hide_table_of_contents: z.boolean().optional(),
      toc_max_heading_level: z.number().int().min(2).max(6).optional(),
    })
    .superRefine((page, context) => {
      const need = (path: string[], message: string) => context.addIssue({ code: 'custom', path, message, params: { ruleId: 'front-matter-missing' } });
      if (page.page_type === 'topic') {
        if (!page.evidence)
          need(
            ['evidence'],
            `add the evidence label:\nevidence:\n  question: one line naming the question the label grades\n  certainty: one of ${LABEL_LEVEL_IDS.join(', ')}\n  basis: [one or more of ${EVIDENCE_BASIS_IDS.join(', ')}]\n  rationale: one line on what raises or lowers certainty\n(or set \`page_type: guide\` for a page that grades no evidence)`,
          );
        if (!page.key_points) need(['key_points'], 'add `key_points`: three to five bullets a busy clinician can act on');
        if (rules.rules2026_2) {
          if (!page.bottom_line) need(['bottom_line'], `add \`bottom_line\`: ${FRONT_MATTER_FIELDS.bottom_line}`);
          if (!page.literature_searched) need(['literature_searched'], `add \`literature_searched: YYYY-MM-DD\`, ${FRONT_MATTER_FIELDS.literature_searched}`);
          if (page.evidence && !page.evidence.question)
            need(['evidence', 'question'], 'add `evidence.question`: one line naming the population, intervention, comparator and outcome the label grades');
        }
      }
      if (page.evidence && levelOf(page.evidence.certainty).kind === 'official-record' && !page.evidence.basis.includes('official-record')) {
        context.addIssue({
          code: 'custom',
          path: ['evidence', 'basis'],
          message: 'a page labelled `official-record` must list `official-record` in `evidence.basis`',
        });
      }
      const listOnly = ['audience', 'objectives', 'readings', 'self_check'] as const;
      if (page.page_type === 'reading-list') {
        if (!page.audience) need(['audience'], 'add `audience`: who the reading list is for');
        if (!page.objectives) need(['objectives'], 'add `objectives`: a list of what a reader will be able to do');
        if (!page.readings) need(['readings'], 'add `readings`: the ordered pages, each with `page` and `note`');
        // A page is read once: the same reading twice, or a section of a page that is also assigned whole, is refused.
        const whole = new Map<string, number>();
        const seen = new Map<string, number>();
        if (rules.rules2026_2) {
          page.readings?.forEach((item, index) => {
            const key = `${item.page}#${item.section ?? ''}`;
            if (!item.section) whole.set(item.page, whole.get(item.page) ?? index);
            const earlier = seen.get(key) ?? (item.section ? whole.get(item.page) : undefined);
            if (earlier !== undefined && earlier !== index) {
              context.addIssue({
                code: 'custom',
                path: ['readings', index, 'page'],
                message: `reading ${index + 1} repeats reading ${earlier + 1} (\`${item.page}\`): a page assigned whole already includes its sections; remove one, and put both notes on the one that stays`,
              });
            } else seen.set(key, index);
          });
          page.readings?.forEach((item, index) => {
            const w = whole.get(item.page);
            if (item.section && w !== undefined && w > index) {
              context.addIssue({
                code: 'custom',
                path: ['readings', w, 'page'],
                message: `reading ${w + 1} assigns \`${item.page}\` whole after reading ${index + 1} assigned a section of it: remove one, and put both notes on the one that stays`,
              });
            }
          });
        }
      } else {
        for (const name of listOnly) {
          if (page[name] !== undefined)
            context.addIssue({ code: 'custom', path: [name], message: `\`${name}\` belongs only on pages with \`page_type: reading-list\`` });
        }
      }
    });
}

export type FrontMatter = z.output<ReturnType<typeof schemaFor>>;
export type Reviewer = z.output<typeof reviewer>;
export type Reading = z.output<typeof reading>;
export type SelfCheckQuestion = z.output<typeof question>;

export interface CheckedFrontMatter {
  readonly frontMatter?: FrontMatter;
  readonly problems: Problem[];
}

/** Whether a path is absent from the parsed data (a missing field rather than a wrong one). */
function absent(data: unknown, path: readonly PropertyKey[]): boolean {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

function ruleIdFor(issue: z.core.$ZodIssue, data: unknown): string {
  const custom = (issue as { params?: { ruleId?: string } }).params?.ruleId;
  if (custom) return custom;
  if (issue.code === 'unrecognized_keys') return 'front-matter-unknown';
  if (issue.path[0] === 'evidence') return 'evidence-label-invalid';
  if (['readings', 'audience', 'objectives', 'self_check'].includes(String(issue.path[0]))) return 'reading-list-invalid';
  if (issue.code === 'invalid_type' && absent(data, issue.path)) return 'front-matter-missing';
  return 'front-matter-invalid';
}

function messageFor(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path.map(String);
  const field = path.filter((p) => !/^\d+$/.test(p)).join('.');
  if (issue.code === 'unrecognized_keys') {
    const parent = path.length ? `\`${field}\` ` : '';
    const allowed = path.length ? '' : `: remove it or use one of: ${Object.keys(FRONT_MATTER_FIELDS).join(', ')}`;
    return `unknown ${parent}field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}${allowed || ': remove it'}`;
  }
  if (issue.code === 'invalid_type' && absent(data, issue.path) && path.length === 1) {
    return `add \`${field}\`: ${FRONT_MATTER_FIELDS[field] ?? 'see CONTRIBUTING.md'}`;
  }
  const item = path.findIndex((p) => /^\d+$/.test(p));
  // Custom messages already name their item ("reading 2 repeats reading 1").
  const prefix =
    item === -1 || (issue.code === 'custom' && /\b(reading|question) \d/.test(issue.message))
      ? ''
      : `\`${path.slice(0, item).join('.')}\` item ${Number(path[item]) + 1}: `;
  return prefix + issue.message;
}

export function checkFrontMatter(
  data: Record<string, unknown>,
  context: { file: string; locate: (path: readonly PropertyKey[]) => Point; rules?: ContentRules; today?: string },
): CheckedFrontMatter {
  const result = schemaFor(context.rules ?? CURRENT_RULES, context.today).safeParse(data);
  if (result.success) return { frontMatter: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      problems.push({
        file: context.file,
        ...context.locate(path as PropertyKey[]),
        ruleId: ruleIdFor(issue, data),
        message: messageFor(key === undefined || issue.code !== 'unrecognized_keys' ? issue : { ...issue, keys: [key] }, data),
      });
    }
  }
  return { problems };
}

/** The date the next review is due: last review plus the interval, as YYYY-MM-DD. */
export function nextReviewDue(frontMatter: Pick<FrontMatter, 'last_reviewed' | 'review_interval_months'>): string {
  const date = new Date(`${frontMatter.last_reviewed}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + frontMatter.review_interval_months);
  return date.toISOString().slice(0, 10);
}

/** The type of each label level id, for code that only needs the ids. */
export type { EvidenceBasisId, LabelLevelId };

/**
 * Docusaurus's `markdown.parseFrontMatter` hook: Docusaurus reads front
 * matter through the same reader as the content index, so both see the same
 * values (YAML 1.2, dates as text, alias limits). A file whose front matter
 * cannot be read gets none here; the content index reports it and stops the
 * build.
 */
export async function readFrontMatterForDocusaurus(params: {
  filePath: string;
  fileContent: string;
}): Promise<{ frontMatter: Record<string, unknown>; content: string }> {
  // Docusaurus reads each file's front matter more than once (docs plugin, then the MDX loader): the YAML is parsed once per content.
  let read = docusaurusReads.get(params.filePath);
  if (read?.fileContent !== params.fileContent) {
    const { data, body } = readFrontMatter(params.filePath, params.fileContent);
    read = { fileContent: params.fileContent, data, body };
    docusaurusReads.set(params.filePath, read);
  }
  return { frontMatter: structuredClone(read.data), content: read.body };
}

const docusaurusReads = new Map<string, { fileContent: string; data: Record<string, unknown>; body: string }>();
