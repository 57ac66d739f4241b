/**
 * Where each edition's search index lives in the build, named once for the
 * indexer (src/search/indexSite.ts) and the browser (src/search/client.ts).
 * Paths are relative to the site's base URL.
 */

/** The folder of an edition's Pagefind bundle, e.g. `pagefind/2026.1/` (`current` is Next). */
export const searchIndexPath = (versionName: string) => `pagefind/${versionName}/`;

/** Beside Pagefind's own files: the synonym groups the client expands queries with. */
export const SYNONYMS_FILE = 'synonyms.json';

/**
 * Beside Pagefind's own files: the edition's words, for "did you mean"
 * spelling corrections, one file per first letter (`words/k.json`), so a
 * query downloads only the letters its words start with. A correction keeps
 * the first letter, as typing errors almost always do.
 */
export const wordsFile = (word: string) => `words/${/^[a-z0-9]/.test(word) ? word[0] : '_'}.json`;
