/**
 * Query expansion with the site's synonyms (src/data/search-synonyms.yaml).
 *
 * Why the query and not the index: we tried both. Writing every synonym
 * into the indexed text (hidden `data-pagefind-*` content beside each use
 * of a term) made excerpts show words that are not on the page, inflated
 * the weight of pages that use a term often, and meant a new synonym only
 * worked after a rebuild of every edition's index. Expanding the query
 * instead runs one Pagefind search for the reader's words and one for each
 * expansion, then merges them by score, so Pagefind still stems, matches
 * prefixes and ranks each search, and the excerpt highlights the words the
 * page really uses. The cost is a few more index chunks downloaded for a
 * query that contains a synonym (measured in README "Search").
 *
 * This module runs in the browser and in Node; it has no dependencies.
 */

/** Groups of terms that mean the same thing; every term is searched for the others. */
export type SynonymGroups = readonly (readonly string[])[];

/** At most this many searches per query: the reader's words and the first expansions. */
export const MAX_VARIANTS = 6;

/**
 * Lower-case words as Pagefind splits them: letters and digits, with
 * hyphens, slashes and punctuation as separators and diacritics removed.
 */
export function searchWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

interface Match {
  readonly start: number;
  readonly length: number;
  /** The other terms of the group, as words. */
  readonly alternatives: readonly string[][];
}

/**
 * Where the query's words contain a synonym, longest term first, without
 * overlaps: in "treatment resistant depression" the three-word term wins
 * over any shorter term inside it.
 */
function findMatches(words: readonly string[], groups: SynonymGroups): Match[] {
  const terms = groups.flatMap((group, index) => group.map((term) => ({ index, words: searchWords(term) })));
  terms.sort((a, b) => b.words.length - a.words.length);
  const taken = new Array<boolean>(words.length).fill(false);
  const matches: Match[] = [];
  for (const term of terms) {
    if (term.words.length === 0) continue;
    for (let start = 0; start + term.words.length <= words.length; start++) {
      const span = words.slice(start, start + term.words.length);
      if (span.some((_, i) => taken[start + i]) || span.join(' ') !== term.words.join(' ')) continue;
      span.forEach((_, i) => (taken[start + i] = true));
      const own = term.words.join(' ');
      const alternatives = groups[term.index]!.map(searchWords).filter((alt) => alt.length > 0 && alt.join(' ') !== own);
      matches.push({ start, length: term.words.length, alternatives });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * The searches to run for a query: the query itself first, then the query
 * with each synonym replaced by each other term of its group (every
 * combination, when several synonyms occur), at most `max` in all.
 */
export function expandQuery(query: string, groups: SynonymGroups, max = MAX_VARIANTS): string[] {
  const words = searchWords(query);
  const variants = [query.trim()];
  const seen = new Set([words.join(' ')]);
  const matches = findMatches(words, groups);
  if (matches.length === 0) return variants.filter(Boolean);
  // Each match either keeps the reader's words (choice -1) or takes one alternative.
  const choices = matches.map((match) => [-1, ...match.alternatives.map((_, i) => i)]);
  const combinations: number[][] = [[]];
  for (const options of choices) {
    const next: number[][] = [];
    for (const combination of combinations) for (const option of options) next.push([...combination, option]);
    combinations.splice(0, combinations.length, ...next);
  }
  // Fewer replacements first: one swapped term stays closest to what the reader typed.
  combinations.sort((a, b) => a.filter((c) => c >= 0).length - b.filter((c) => c >= 0).length);
  for (const combination of combinations) {
    if (variants.length >= max) break;
    const out: string[] = [];
    let position = 0;
    matches.forEach((match, m) => {
      out.push(...words.slice(position, match.start));
      const choice = combination[m]!;
      out.push(...(choice < 0 ? words.slice(match.start, match.start + match.length) : match.alternatives[choice]!));
      position = match.start + match.length;
    });
    out.push(...words.slice(position));
    const variant = out.join(' ');
    if (!seen.has(variant)) {
      seen.add(variant);
      variants.push(variant);
    }
  }
  return variants;
}

export interface Scored<T> {
  readonly id: string;
  readonly score: number;
  readonly item: T;
}

/**
 * Merges the results of the searches for one query: each page keeps its
 * best score over all searches, and results are ordered by that score.
 * Expansions count a little less than the reader's own words, so a page
 * using the reader's exact term wins a tie.
 */
export function mergeByScore<T>(resultLists: readonly (readonly Scored<T>[])[], expansionWeight = 0.9): Scored<T>[] {
  const best = new Map<string, Scored<T>>();
  resultLists.forEach((results, listIndex) => {
    const weight = listIndex === 0 ? 1 : expansionWeight;
    for (const result of results) {
      const score = result.score * weight;
      const previous = best.get(result.id);
      if (!previous || score > previous.score) best.set(result.id, { ...result, score });
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score);
}
