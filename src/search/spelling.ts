// cspell:ignore esketamin dissociaton ketamnie pregnacy -- misspellings a reader types, quoted as examples
/**
 * Spelling correction for queries. Pagefind stems words, matches prefixes
 * ("esketamin" finds "esketamine") and forgives a missing letter
 * ("dissociaton"), but a swapped or doubled letter ("ketamnie",
 * "pregnacy") finds unrelated pages. The client therefore corrects each
 * word it does not know to the nearest word of the edition's vocabulary
 * (written beside the index, one file per first letter: see `wordsFile`)
 * and searches the corrected query
 * as well as the reader's own.
 *
 * This module runs in the browser and in Node; it has no dependencies.
 */
import { searchWords } from './queryExpansion';

/** Words shorter than this are taken as typed: abbreviations such as "IM" have too many near neighbors. */
const MIN_CORRECTED_LENGTH = 4;

/** Edit distance with adjacent transpositions (optimal string alignment), giving up above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const above = rows[i - 1]!;
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
    }
    rows.push(row);
    if (Math.min(...row) > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many edits a word of this length may need: one for short words, two from eight letters. */
const allowedEdits = (word: string) => (word.length >= 8 ? 2 : 1);

/**
 * The vocabulary word nearest to `word`, or undefined when the word is
 * known (it is a vocabulary word or the start of one) or nothing is near.
 * The vocabulary is ordered most frequent first, which breaks ties.
 */
/** Whether a word may be corrected at all: long enough and without digits. */
export const correctable = (word: string) => word.length >= MIN_CORRECTED_LENGTH && !/\d/.test(word);

export function correctWord(word: string, vocabulary: readonly string[]): string | undefined {
  if (!correctable(word)) return undefined;
  if (vocabulary.some((known) => known.startsWith(word))) return undefined;
  const max = allowedEdits(word);
  let best: { word: string; distance: number } | undefined;
  for (const known of vocabulary) {
    const distance = editDistance(word, known, max);
    if (distance <= max && (!best || distance < best.distance)) best = { word: known, distance };
  }
  return best?.word;
}

/**
 * The query with its unknown words corrected, or undefined when no word
 * needs correcting. Words in `known` (the synonyms' terms) are kept as typed.
 */
export function correctQuery(query: string, vocabulary: readonly string[], known: ReadonlySet<string> = new Set()): string | undefined {
  const words = searchWords(query);
  const corrected = words.map((word) => (known.has(word) ? word : (correctWord(word, vocabulary) ?? word)));
  return corrected.some((word, i) => word !== words[i]) ? corrected.join(' ') : undefined;
}
