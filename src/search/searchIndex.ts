/**
 * The site's own full-text search index, built once per edition after the
 * build. Terms are split into shards by their first two letters, so a
 * reader's first query downloads the page list and only the shards its
 * words start with, not an index of every word on every page. That keeps a
 * query's download small however many pages and editions the site grows to.
 */

/** Words too common to help find a page. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have in into is it its not of on or that the their this to was were which with'.split(' '),
);

/** Lower-case word tokens of at least two characters, stop words removed. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? []).filter(
    (token) => token.length >= 2 && !STOP_WORDS.has(token),
  );
}

/** Terms that share their first two letters share a shard file. */
export const shardOf = (term: string) => term.slice(0, 2);

export interface SearchDocument {
  /** Title */
  readonly t: string;
  /** URL */
  readonly u: string;
  /** Section title */
  readonly s: string;
}

export interface IndexedPage extends SearchDocument {
  /** Title and headings weigh more than running text. */
  readonly headings: string;
  readonly text: string;
}

/** Postings: term → flat [documentIndex, weight, documentIndex, weight, …]. */
export type Shard = Record<string, number[]>;

export interface BuiltIndex {
  readonly documents: SearchDocument[];
  readonly shards: Map<string, Shard>;
}

const HEADING_WEIGHT = 5;
const MAX_TEXT_WEIGHT = 10;

export function buildIndex(pages: readonly IndexedPage[]): BuiltIndex {
  const shards = new Map<string, Shard>();
  pages.forEach((page, documentIndex) => {
    const weights = new Map<string, number>();
    for (const token of tokenize(`${page.t} ${page.headings}`)) weights.set(token, (weights.get(token) ?? 0) + HEADING_WEIGHT);
    for (const token of tokenize(page.text)) weights.set(token, Math.min((weights.get(token) ?? 0) + 1, MAX_TEXT_WEIGHT + HEADING_WEIGHT * 4));
    for (const [term, weight] of weights) {
      const shard = shards.get(shardOf(term)) ?? {};
      (shard[term] ??= []).push(documentIndex, weight);
      shards.set(shardOf(term), shard);
    }
  });
  return { documents: pages.map(({ t, u, s }) => ({ t, u, s })), shards };
}

export interface SearchResult extends SearchDocument {
  readonly score: number;
}

/**
 * Ranks documents containing every query word (the last word may be a
 * prefix, as the reader is still typing). `shardFor` returns a loaded shard.
 */
export function search(query: string, documents: readonly SearchDocument[], shardFor: (key: string) => Shard | undefined, limit = 8): SearchResult[] {
  const terms = tokenize(query);
  if (terms.length === 0) return [];
  let scores: Map<number, number> | undefined;
  terms.forEach((term, position) => {
    const shard = shardFor(shardOf(term)) ?? {};
    const last = position === terms.length - 1;
    const matches = new Map<number, number>();
    for (const [candidate, postings] of Object.entries(shard)) {
      if (candidate !== term && !(last && candidate.startsWith(term))) continue;
      for (let i = 0; i < postings.length; i += 2) {
        const documentIndex = postings[i]!;
        matches.set(documentIndex, Math.max(matches.get(documentIndex) ?? 0, postings[i + 1]! * (candidate === term ? 1 : 0.8)));
      }
    }
    if (!scores) scores = matches;
    else {
      const previous: Map<number, number> = scores;
      scores = new Map([...matches].filter(([doc]) => previous.has(doc)).map(([doc, weight]) => [doc, weight + previous.get(doc)!]));
    }
  });
  return [...(scores ?? new Map<number, number>())]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([documentIndex, score]) => ({ ...documents[documentIndex]!, score }));
}

/** Where an edition's index lives under the site's base URL. */
export const indexPath = (versionName: string) => `search-index/${versionName}`;
