/**
 * Query expansion with the site's synonyms (src/data/search-synonyms.yaml).
 *
 * Why the query and not the index: both were measured on the 40 queries of
 * src/e2e/search-queries.yaml (expected page in the top three). Writing
 * each page's synonyms into its indexed text (hidden content) found 32 of
 * 40: every page that mentions "treatment-resistant depression" in passing
 * gained "TRD" with full weight, so the TRD page no longer stood out, and
 * excerpts showed words that are not on the page. Expanding the query found
 * 39 of 40 (the reader's words alone: 30 of 40): one Pagefind search runs
 * for the reader's words and one for each expansion, and the results are
 * merged by normalized score (see `mergeByScore`), so Pagefind still stems,
 * matches prefixes, forgives some typos and ranks each search, and the excerpt
 * marks the words the page really uses. The cost is a few more index chunks
 * downloaded for a query that contains a synonym (see README "Search").
 *
 * This module runs in the browser and in Node; it has no dependencies.
 */

/** Groups of terms that mean the same thing; every term is searched for the others. */
export type SynonymGroups = readonly (readonly string[])[];

/** At most this many searches per query: the reader's words and the first expansions. */
export const MAX_VARIANTS = 6;

/**
 * Words of a question that name nothing ("can I drive after esketamine").
 * Pagefind finds only pages that hold every word of a search, and ranks
 * pages by how often they hold them, so these are left out of the search:
 * with them, the long bibliography, which holds every "can", "for" and
 * "after", came first for questions.
 */
const QUESTION_WORDS = new Set(
  'a an and are as at be been by can could did do does for from had has have how i if in into is it its me my of on or should the their there these this those to was we were what when where which who why will with would you your'.split(
    ' ',
  ),
);

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

/**
 * A synonym as it is searched: its words, without the one-letter part of a
 * hyphenated word ("S-ketamine" is searched as "ketamine"). Pagefind
 * matches a lone letter as the start of any word, so "s ketamine" finds the
 * same pages as "ketamine"; the letter only cost the first query another
 * index chunk (about 30 KB).
 */
export function synonymWords(term: string): string[] {
  return term.split(/\s+/).flatMap((token) => {
    const parts = searchWords(token);
    return parts.length > 1 ? parts.filter((part) => part.length > 1) : parts;
  });
}

interface Match {
  readonly start: number;
  readonly length: number;
  /** The other terms of the group, as searched (see `synonymWords`). */
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
      const alternatives = groups[term.index]!.filter((alt) => searchWords(alt).join(' ') !== own)
        .map(synonymWords)
        .filter((alt) => alt.length > 0);
      matches.push({ start, length: term.words.length, alternatives });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * The searches to run for a query: the query without its question words
 * first, then with each synonym replaced by each other term of its group
 * (every combination, when several synonyms occur), at most `max` in all.
 */
export function expandQuery(query: string, groups: SynonymGroups, max = MAX_VARIANTS): string[] {
  const typed = searchWords(query);
  const content = typed.filter((word) => !QUESTION_WORDS.has(word));
  const words = content.length > 0 ? content : typed;
  if (words.length === 0) return [];
  // The query as typed when it has no question words, so Pagefind sees the reader's own spelling.
  const variants = [words.length === typed.length ? query.trim() : words.join(' ')];
  const seen = new Set([words.join(' ')]);
  const matches = findMatches(words, groups);
  if (matches.length === 0) return variants;
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

/** How much a page gains from each further search that finds it, relative to its best one. */
export const CONSENSUS_WEIGHT = 0.25;

/**
 * Merges the results of the searches for one query. Each search's scores
 * are divided by its best score first: Pagefind's scores depend on how rare
 * the words are, so a rare brand name ("Spravato", raw scores near 15)
 * would otherwise drown its common synonym ("esketamine", near 2.5). A page
 * keeps its best normalized score, plus a little for every other search
 * that found it, and results are ordered by that.
 */
export function mergeByScore<T>(resultLists: readonly (readonly Scored<T>[])[]): Scored<T>[] {
  const merged = new Map<string, { best: Scored<T>; sum: number }>();
  for (const results of resultLists) {
    const top = results.reduce((max, result) => Math.max(max, result.score), 0) || 1;
    for (const result of results) {
      const score = result.score / top;
      const entry = merged.get(result.id);
      if (!entry) merged.set(result.id, { best: { ...result, score }, sum: score });
      else {
        entry.sum += score;
        if (score > entry.best.score) entry.best = { ...result, score };
      }
    }
  }
  return [...merged.values()]
    .map(({ best, sum }) => ({ ...best, score: best.score + CONSENSUS_WEIGHT * (sum - best.score) }))
    .sort((a, b) => b.score - a.score);
}
