/**
 * The front-matter schema of every page, defined once.
 *
 * `checkFrontMatter` validates the parsed YAML of a page and returns every
 * problem at once, each with the line of the offending field and, where the
 * field takes fixed values, the values it allows.
 */
import {
  CERTAINTY_LEVEL_IDS,
  EVIDENCE_BASIS_IDS,
  isCertaintyLevelId,
  isEvidenceBasisId,
  type CertaintyLevelId,
  type EvidenceBasisId,
} from '../evidence/levels';
import type { Problem } from './problems';

export const PAGE_TYPES = ['topic', 'guide', 'reading-list'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;
const MAX_REVIEW_INTERVAL_MONTHS = 36;

export interface EvidenceFrontMatter {
  readonly certainty: CertaintyLevelId;
  readonly basis: readonly EvidenceBasisId[];
  readonly rationale: string;
}

export interface PageFrontMatter {
  readonly title: string;
  readonly description: string;
  readonly page_type: PageType;
  readonly evidence?: EvidenceFrontMatter;
  readonly key_points?: readonly string[];
  readonly last_reviewed: string;
  readonly reviewed_by?: string;
  readonly review_interval_months: number;
}

/** Every field a page may set, with a line of help for the contributor. */
export const FRONT_MATTER_FIELDS: Readonly<Record<string, string>> = {
  title: 'the page title (required)',
  description: 'one or two sentences, 50 to 200 characters, for search results and link previews (required)',
  page_type: `\`topic\` (default: an evidence page with a label), \`guide\` (methods and reader's tools without a label) or \`reading-list\``,
  audience: 'reading lists: who the list is for',
  objectives: 'reading lists: what a reader will be able to do, as a list',
  readings: 'reading lists: the ordered pages, each `- page: ../section/page.md` with a `note` and optionally a `section` (an explicit heading id)',
  evidence: 'the evidence-strength label: certainty, basis and rationale (required on topic pages)',
  key_points: 'three to five bullets a busy clinician can act on (required on topic pages)',
  last_reviewed: 'the date of the last clinical review, YYYY-MM-DD (required)',
  reviewed_by: 'the reviewer’s name and role, e.g. "Jane Doe, MD (psychiatry)"',
  review_interval_months: `months until the next review is due (default ${DEFAULT_REVIEW_INTERVAL_MONTHS}, at most ${MAX_REVIEW_INTERVAL_MONTHS})`,
  sidebar_position: 'order of the page in its section',
  sidebar_label: 'a shorter title for the sidebar',
  keywords: 'extra search terms, as a list',
  hide_table_of_contents: 'true to hide the table of contents',
  toc_max_heading_level: 'deepest heading level in the table of contents (2 to 6)',
};

const EVIDENCE_FIELDS = ['certainty', 'basis', 'rationale'] as const;

/** Finds the line of a (possibly nested) key in the front-matter block of a Markdown source. */
export function lineOfKey(source: string, path: readonly string[]): number {
  const lines = source.split('\n');
  let depthIndent = -1;
  let found = 1;
  let level = 0;
  for (let i = 1; i < lines.length && level < path.length; i += 1) {
    const line = lines[i]!;
    if (/^---\s*$/.test(line)) break;
    const match = /^(\s*)([\w-]+)\s*:/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    if (indent <= depthIndent) break;
    if (match[2] === path[level]) {
      found = i + 1;
      depthIndent = indent;
      level += 1;
    }
  }
  return found;
}

function isDateString(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return value;
  }
  return undefined;
}

export interface FrontMatterCheck {
  readonly frontMatter?: PageFrontMatter;
  readonly problems: Problem[];
}

export function checkFrontMatter(
  raw: Record<string, unknown>,
  context: { file: string; source: string; today?: Date },
): FrontMatterCheck {
  const problems: Problem[] = [];
  const report = (path: readonly string[], ruleId: string, message: string) =>
    problems.push({ file: context.file, line: lineOfKey(context.source, path), column: 1, ruleId, message });

  for (const name of Object.keys(raw)) {
    if (!(name in FRONT_MATTER_FIELDS)) {
      report([name], 'front-matter-unknown', `unknown front-matter field \`${name}\`: remove it or use one of: ${Object.keys(FRONT_MATTER_FIELDS).join(', ')}`);
    }
  }

  const text = (name: string, min: number, max: number): string | undefined => {
    const value = raw[name];
    if (value === undefined || value === null || value === '') {
      report([name], 'front-matter-missing', `add \`${name}\`: ${FRONT_MATTER_FIELDS[name]}`);
      return undefined;
    }
    if (typeof value !== 'string') {
      report([name], 'front-matter-invalid', `\`${name}\` must be text`);
      return undefined;
    }
    if (value.length < min || value.length > max) {
      report([name], 'front-matter-invalid', `\`${name}\` has ${value.length} characters; write ${min} to ${max}`);
    }
    return value;
  };

  const title = text('title', 3, 90);
  const description = text('description', 50, 200);

  const pageTypeValue = raw.page_type ?? 'topic';
  const pageType = (PAGE_TYPES as readonly unknown[]).includes(pageTypeValue) ? (pageTypeValue as PageType) : undefined;
  if (!pageType) {
    report(['page_type'], 'front-matter-invalid', `\`page_type\` must be one of: ${PAGE_TYPES.join(', ')}`);
  }

  const lastReviewed = isDateString(raw.last_reviewed);
  if (raw.last_reviewed === undefined) {
    report(['last_reviewed'], 'front-matter-missing', `add \`last_reviewed: YYYY-MM-DD\`, the date of the last clinical review`);
  } else if (!lastReviewed) {
    report(['last_reviewed'], 'front-matter-invalid', '`last_reviewed` must be a date written YYYY-MM-DD');
  } else if (context.today && Date.parse(lastReviewed) > context.today.getTime()) {
    report(['last_reviewed'], 'front-matter-invalid', `\`last_reviewed\` (${lastReviewed}) is in the future: use the date the review happened`);
  }

  const interval = raw.review_interval_months ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
  if (!Number.isInteger(interval) || (interval as number) < 1 || (interval as number) > MAX_REVIEW_INTERVAL_MONTHS) {
    report(['review_interval_months'], 'front-matter-invalid', `\`review_interval_months\` must be a whole number from 1 to ${MAX_REVIEW_INTERVAL_MONTHS}`);
  }
  if (raw.reviewed_by !== undefined && typeof raw.reviewed_by !== 'string') {
    report(['reviewed_by'], 'front-matter-invalid', '`reviewed_by` must be text: a name and role');
  }

  let evidence: EvidenceFrontMatter | undefined;
  const rawEvidence = raw.evidence;
  if (rawEvidence === undefined) {
    if (pageType === 'topic') {
      report(['evidence'], 'evidence-label-missing', `add the evidence label:\nevidence:\n  certainty: one of ${CERTAINTY_LEVEL_IDS.join(', ')}\n  basis: [one or more of ${EVIDENCE_BASIS_IDS.join(', ')}]\n  rationale: one line on what raises or lowers certainty\n(or set \`page_type: guide\` for a page that grades no evidence)`);
    }
  } else if (typeof rawEvidence !== 'object' || rawEvidence === null || Array.isArray(rawEvidence)) {
    report(['evidence'], 'evidence-label-invalid', '`evidence` must hold `certainty`, `basis` and `rationale` as nested fields');
  } else {
    const fields = rawEvidence as Record<string, unknown>;
    for (const name of Object.keys(fields)) {
      if (!(EVIDENCE_FIELDS as readonly string[]).includes(name)) {
        report(['evidence', name], 'evidence-label-invalid', `unknown field \`evidence.${name}\`: use ${EVIDENCE_FIELDS.join(', ')}`);
      }
    }
    const certainty = fields.certainty;
    if (!isCertaintyLevelId(certainty)) {
      report(['evidence', 'certainty'], 'evidence-label-invalid', `\`evidence.certainty\` is ${certainty === undefined ? 'missing' : `\`${String(certainty)}\``}; use one of: ${CERTAINTY_LEVEL_IDS.join(', ')}`);
    }
    const basisValue = typeof fields.basis === 'string' ? [fields.basis] : fields.basis;
    const basis: EvidenceBasisId[] = [];
    if (!Array.isArray(basisValue) || basisValue.length === 0) {
      report(['evidence', 'basis'], 'evidence-label-invalid', `\`evidence.basis\` must list the types of evidence, e.g. [randomized-trials]; allowed: ${EVIDENCE_BASIS_IDS.join(', ')}`);
    } else {
      for (const item of basisValue) {
        if (isEvidenceBasisId(item)) basis.push(item);
        else report(['evidence', 'basis'], 'evidence-label-invalid', `\`${String(item)}\` is not an evidence type; use: ${EVIDENCE_BASIS_IDS.join(', ')}`);
      }
    }
    const rationale = fields.rationale;
    if (typeof rationale !== 'string' || rationale.trim().length < 20) {
      report(['evidence', 'rationale'], 'evidence-label-invalid', '`evidence.rationale` must say in one line (at least 20 characters) what raises or lowers certainty');
    } else if (rationale.length > 300) {
      report(['evidence', 'rationale'], 'evidence-label-invalid', `\`evidence.rationale\` has ${rationale.length} characters; keep it to one line of at most 300`);
    }
    if (certainty === 'official-record' && !basis.includes('official-record')) {
      report(['evidence', 'basis'], 'evidence-label-invalid', 'a page labelled `official-record` must list `official-record` in `evidence.basis`');
    }
    if (isCertaintyLevelId(certainty) && typeof rationale === 'string') {
      evidence = { certainty, basis, rationale: rationale.trim() };
    }
  }

  if (pageType === 'reading-list') {
    if (typeof raw.audience !== 'string' || !raw.audience.trim()) report(['audience'], 'reading-list-invalid', 'add `audience`: who the reading list is for');
    if (!Array.isArray(raw.objectives) || raw.objectives.length === 0 || raw.objectives.some((o) => typeof o !== 'string')) {
      report(['objectives'], 'reading-list-invalid', 'add `objectives`: a list of what a reader will be able to do');
    }
    if (!Array.isArray(raw.readings) || raw.readings.length === 0) {
      report(['readings'], 'reading-list-invalid', 'add `readings`: the ordered pages, each with `page` and `note`');
    } else {
      raw.readings.forEach((item: unknown, index: number) => {
        const reading = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
        if (typeof reading.page !== 'string' || !/\.md$/.test(reading.page)) {
          report(['readings'], 'reading-list-invalid', `reading ${index + 1}: give \`page\` as the relative path of a page's .md file`);
        }
        if (typeof reading.note !== 'string' || !reading.note.trim()) {
          report(['readings'], 'reading-list-invalid', `reading ${index + 1}: add a \`note\` saying why the page is assigned`);
        }
        if (reading.section !== undefined && (typeof reading.section !== 'string' || !/^[a-z0-9-]+$/.test(reading.section))) {
          report(['readings'], 'reading-list-invalid', `reading ${index + 1}: \`section\` must be a heading id such as \`summary-of-findings\``);
        }
      });
    }
  } else {
    for (const name of ['audience', 'objectives', 'readings']) {
      if (raw[name] !== undefined) report([name], 'front-matter-invalid', `\`${name}\` belongs only on pages with \`page_type: reading-list\``);
    }
  }

  const rawKeyPoints = raw.key_points;
  let keyPoints: string[] | undefined;
  if (rawKeyPoints === undefined) {
    if (pageType === 'topic') report(['key_points'], 'front-matter-missing', 'add `key_points`: three to five bullets a busy clinician can act on');
  } else if (!Array.isArray(rawKeyPoints) || rawKeyPoints.some((point) => typeof point !== 'string' || !point.trim())) {
    const mapping = Array.isArray(rawKeyPoints) && rawKeyPoints.some((point) => typeof point === 'object' && point !== null);
    report(['key_points'], 'front-matter-invalid', mapping
      ? '`key_points` must be a list of sentences: a bullet containing `: ` is read by YAML as a field; wrap that bullet in double quotes'
      : '`key_points` must be a list of sentences');
  } else if (rawKeyPoints.length < 3 || rawKeyPoints.length > 5) {
    report(['key_points'], 'front-matter-invalid', `\`key_points\` has ${rawKeyPoints.length} bullets; write three to five`);
  } else keyPoints = rawKeyPoints as string[];

  if (problems.length > 0 || !title || !description || !pageType || !lastReviewed) return { problems };
  return {
    problems,
    frontMatter: {
      title,
      description,
      page_type: pageType,
      evidence,
      key_points: keyPoints,
      last_reviewed: lastReviewed,
      reviewed_by: raw.reviewed_by as string | undefined,
      review_interval_months: interval as number,
    },
  };
}

/** The date the next review is due: last review plus the interval. */
export function nextReviewDue(frontMatter: Pick<PageFrontMatter, 'last_reviewed' | 'review_interval_months'>): string {
  const date = new Date(`${frontMatter.last_reviewed}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + frontMatter.review_interval_months);
  return date.toISOString().slice(0, 10);
}
