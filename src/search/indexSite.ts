/**
 * Builds one Pagefind index per edition from the built HTML, after
 * `docusaurus build`: `build/pagefind/<version>/`, where `current` is Next.
 * Each page is read from the build, marked up for Pagefind in memory
 * (src/search/indexablePage.ts) and added through Pagefind's Node API, so
 * the published files are not touched. Beside each index go the synonyms
 * (from src/data/search-synonyms.yaml) and the edition's vocabulary for
 * spelling suggestions.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Pagefind from 'pagefind';
import { SITE_DIR } from '../content/paths';
import { sectionOf } from '../content/sections';
import { SYNONYMS_FILE, searchIndexPath, wordsFile } from './indexFiles';
import { indexablePage } from './indexablePage';
import { searchWords } from './queryExpansion';
import { loadSynonyms } from './synonyms';

/** What the indexer needs of a docs version; Docusaurus's `LoadedVersion` has it. */
export interface IndexedVersion {
  readonly versionName: string;
  readonly docs: readonly { readonly id: string; readonly permalink: string; readonly description: string }[];
}

export interface SearchIndexReport {
  readonly editions: number;
  readonly pages: number;
  readonly milliseconds: number;
}

/** Pages outside any section (the edition's home page) are filed under this name. */
const NO_SECTION = 'Overview';

/**
 * Pagefind writes its ready-made search interfaces too; the site has its
 * own (src/theme/SearchBar), so those files are removed from the build.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** Words shorter than this are left out of the vocabulary: too many near neighbors to correct reliably. */
const MIN_SUGGESTED_WORD_LENGTH = 4;

/**
 * Pagefind's Node API (`import * as pagefind from 'pagefind'`). Docusaurus
 * loads this file through jiti 1, which resolves packages for `require`,
 * and Pagefind publishes its API for `import` only; so the entry named in
 * Pagefind's own `exports` map is loaded by its path, which jiti accepts.
 */
function loadPagefind(): typeof Pagefind {
  const require = createRequire(join(SITE_DIR, 'package.json'));
  const root = require.resolve
    .paths('pagefind')
    ?.map((dir) => join(dir, 'pagefind'))
    .find((dir) => existsSync(join(dir, 'package.json')));
  if (!root) throw new Error('search index: the `pagefind` package is missing; run `npm ci`');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: { '.': { import: string } } };
  return require(join(root, manifest.exports['.'].import)) as typeof Pagefind;
}

/** The built HTML file of a permalink (trailingSlash: false writes `docs/a/b.html`). */
function builtFile(outDir: string, permalink: string, baseUrl: string): string {
  const path = (permalink.startsWith(baseUrl) ? permalink.slice(baseUrl.length) : permalink.replace(/^\//, '')).replace(/\/$/, '');
  const candidates = path === '' ? ['index.html'] : [`${path}.html`, join(path, 'index.html')];
  const found = candidates.map((candidate) => join(outDir, candidate)).find((file) => existsSync(file));
  if (!found) throw new Error(`search index: no built file for ${permalink} in ${outDir} (looked for ${candidates.join(', ')})`);
  return found;
}

/** The edition's words, most frequent first, for "did you mean" suggestions. */
function vocabulary(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of searchWords(text)) {
      if (word.length >= MIN_SUGGESTED_WORD_LENGTH && !/^\d+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}

async function writeEditionIndex(pagefind: typeof Pagefind, outDir: string, version: IndexedVersion, baseUrl: string, synonyms: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search index: Pagefind could not start: ${errors.join('; ')}`);
  const texts: string[] = [];
  for (const doc of version.docs) {
    const page = indexablePage(readFileSync(builtFile(outDir, doc.permalink, baseUrl), 'utf8'), {
      section: sectionOf(doc.id)?.title ?? NO_SECTION,
      bottomLine: doc.description,
    });
    if (!page) throw new Error(`search index: ${doc.permalink} has no article (div.theme-doc-markdown) to index`);
    // Category index pages have a trailing slash in their permalink but are served without one (trailingSlash: false).
    const url = doc.permalink.length > 1 ? doc.permalink.replace(/\/$/, '') : doc.permalink;
    const added = await index.addHTMLFile({ url, content: page.html });
    if (added.errors.length > 0) throw new Error(`search index: ${doc.permalink}: ${added.errors.join('; ')}`);
    texts.push(page.text);
  }
  const outputPath = join(outDir, searchIndexPath(version.versionName));
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  for (const file of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, file), { force: true });
  writeFileSync(join(outputPath, SYNONYMS_FILE), synonyms);
  const shards = new Map<string, string[]>();
  for (const word of vocabulary(texts)) shards.set(wordsFile(word), [...(shards.get(wordsFile(word)) ?? []), word]);
  mkdirSync(join(outputPath, 'words'), { recursive: true });
  for (const [file, words] of shards) writeFileSync(join(outputPath, file), JSON.stringify(words));
  return version.docs.length;
}

/** Writes every edition's search index into the build; returns what it indexed and how long it took. */
export async function writeSearchIndexes(outDir: string, versions: readonly IndexedVersion[], baseUrl: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const synonyms = JSON.stringify(loadSynonyms());
  const pagefind = loadPagefind();
  let pages = 0;
  try {
    for (const version of versions) pages += await writeEditionIndex(pagefind, outDir, version, baseUrl, synonyms);
  } finally {
    await pagefind.close();
  }
  return { editions: versions.length, pages, milliseconds: Math.round(performance.now() - started) };
}
