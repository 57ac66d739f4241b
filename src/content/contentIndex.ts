/**
 * An index of the pages in one content root (docs/ or an edition's folder),
 * read once and cached until a file changes.
 *
 * Generated blocks (the evidence map, the bibliography, the review queue)
 * need to know about every page, but a remark plugin sees one page at a
 * time. Reading the folder once per build, not once per page, keeps the
 * cost of those blocks independent of the number of pages that use them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { citedKeysInSource } from '../citations/syntax';
import { isCertaintyLevelId, isEvidenceBasisId, type CertaintyLevelId, type EvidenceBasisId } from '../evidence/levels';
import { DEFAULT_REVIEW_INTERVAL_MONTHS, nextReviewDue } from './frontMatter';
import { sectionOf } from './sections';

export interface PageSummary {
  readonly file: string;
  /** Path inside the content root with forward slashes, e.g. `conditions/ptsd.md`. */
  readonly docPath: string;
  readonly title: string;
  readonly description: string;
  readonly sectionId?: string;
  readonly pageType: 'topic' | 'guide' | 'reading-list';
  readonly certainty?: CertaintyLevelId;
  readonly basis: readonly EvidenceBasisId[];
  readonly rationale?: string;
  readonly lastReviewed?: string;
  readonly nextReviewDue?: string;
  readonly sidebarPosition: number;
  readonly citedKeys: readonly string[];
  /** Words of running text, for reading-time estimates. */
  readonly words: number;
  /** For a reading list: the doc paths it assigns, in order (inside the same content root). */
  readonly readings: readonly { docPath: string; section?: string; note?: string }[];
  /** For a reading list: who it is for and what a reader will be able to do. */
  readonly audience?: string;
  readonly objectives: readonly string[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { data: {}, body: source };
  let data: unknown;
  try {
    data = yaml.load(match[1]!);
  } catch {
    data = {};
  }
  return {
    data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {},
    body: source.slice(match[0].length),
  };
}

export function listMarkdownFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(root);
  return files.sort();
}

function asDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** Running words of a Markdown body: code, math, directives, citations and link targets left out. */
export function countWords(body: string): number {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\[@[^\]]*\]/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/^:{2,3}.*$/gm, ' ')
    .replace(/[#*_|>`-]/g, ' ');
  return text.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

function readingsOf(data: Record<string, unknown>, docPath: string): PageSummary['readings'] {
  if (!Array.isArray(data.readings)) return [];
  return data.readings
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && typeof item.page === 'string')
    .map((item) => ({
      docPath: posix.normalize(posix.join(posix.dirname(docPath), (item.page as string).split('#')[0]!)),
      section: typeof item.section === 'string' ? item.section : undefined,
      note: typeof item.note === 'string' ? item.note : undefined,
    }));
}

export function summarizePage(root: string, file: string, source: string): PageSummary {
  const { data, body } = splitFrontMatter(source);
  const docPath = relative(root, file).split(sep).join('/');
  const evidence = (typeof data.evidence === 'object' && data.evidence !== null ? data.evidence : {}) as Record<string, unknown>;
  const keyPoints = Array.isArray(data.key_points) ? data.key_points.filter((p) => typeof p === 'string') : [];
  const lastReviewed = asDate(data.last_reviewed);
  const interval = Number.isInteger(data.review_interval_months)
    ? (data.review_interval_months as number)
    : DEFAULT_REVIEW_INTERVAL_MONTHS;
  const basis = Array.isArray(evidence.basis) ? evidence.basis.filter(isEvidenceBasisId) : [];
  return {
    file,
    docPath,
    title: typeof data.title === 'string' ? data.title : docPath,
    description: typeof data.description === 'string' ? data.description : '',
    sectionId: sectionOf(docPath)?.id,
    pageType: data.page_type === 'guide' || data.page_type === 'reading-list' ? data.page_type : 'topic',
    certainty: isCertaintyLevelId(evidence.certainty) ? evidence.certainty : undefined,
    basis,
    rationale: typeof evidence.rationale === 'string' ? evidence.rationale : undefined,
    lastReviewed,
    nextReviewDue: lastReviewed ? nextReviewDue({ last_reviewed: lastReviewed, review_interval_months: interval }) : undefined,
    sidebarPosition: typeof data.sidebar_position === 'number' ? data.sidebar_position : Number.MAX_SAFE_INTEGER,
    citedKeys: citedKeysInSource(`${keyPoints.join('\n')}\n${body}`),
    words: countWords(`${keyPoints.join('\n')}\n${body}`),
    readings: readingsOf(data, docPath),
    audience: typeof data.audience === 'string' ? data.audience : undefined,
    objectives: Array.isArray(data.objectives) ? data.objectives.filter((o): o is string => typeof o === 'string') : [],
  };
}

const cache = new Map<string, { signature: string; checkedAt: number; pages: PageSummary[] }>();

/**
 * How long a loaded index is trusted before the folder is checked for
 * changes again. Every page of a build asks for the index; checking the
 * whole folder on each request would make a build's cost grow with the
 * square of the page count. The development server still sees an edit
 * within this time.
 */
export const INDEX_REVALIDATE_MS = 2000;

/** Every page under a content root, in section then sidebar order. */
export function loadContentIndex(root: string): PageSummary[] {
  const cached = cache.get(root);
  if (cached && Date.now() - cached.checkedAt < INDEX_REVALIDATE_MS) return cached.pages;
  const files = listMarkdownFiles(root);
  const signature = files.map((file) => `${file}:${statSync(file).mtimeMs}`).join('|');
  if (cached && cached.signature === signature) {
    cached.checkedAt = Date.now();
    return cached.pages;
  }
  const pages = files
    .map((file) => summarizePage(root, file, readFileSync(file, 'utf8')))
    .sort((a, b) => a.docPath.split('/')[0]!.localeCompare(b.docPath.split('/')[0]!) || a.sidebarPosition - b.sidebarPosition || a.docPath.localeCompare(b.docPath));
  cache.set(root, { signature, checkedAt: Date.now(), pages });
  return pages;
}
