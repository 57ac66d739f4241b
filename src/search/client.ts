/**
 * The search, as the browser runs it: loads an edition's Pagefind bundle
 * the first time search is opened (never on page load), expands the query
 * with the site's synonyms and its spelling corrections, merges the
 * searches by score, and returns one hit per page that points at the
 * page's best-matching section.
 */
import { SYNONYMS_FILE, wordsFile } from './indexFiles';
import { expandQuery, MAX_VARIANTS, mergeByScore, searchWords, type SynonymGroups } from './queryExpansion';
import { correctable, correctQuery } from './spelling';

/** The part of Pagefind's browser API the site uses (pagefind.js, version 1.6). */
interface PagefindAnchorResult {
  readonly title: string;
  readonly url: string;
  readonly excerpt: string;
  readonly weighted_locations: readonly { readonly weight: number; readonly balanced_score: number }[];
}
interface PagefindData {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  readonly sub_results: readonly PagefindAnchorResult[];
}
interface PagefindResult {
  readonly id: string;
  readonly score: number;
  data(): Promise<PagefindData>;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface SearchSection {
  /** The heading of the section, or the page title for text before the first heading. */
  readonly title: string;
  /** The page URL with the heading's anchor. */
  readonly url: string;
  /** Text around the match, as HTML with the matched words in <mark>. */
  readonly excerpt: string;
}

export interface SearchHit extends SearchSection {
  readonly pageTitle: string;
  readonly pageUrl: string;
  readonly section?: string;
  /** The page's certainty in words, e.g. "Low certainty". */
  readonly certainty?: string;
  readonly bottomLine?: string;
  /** Other sections of the same page that match, best first. */
  readonly more: readonly SearchSection[];
}

export interface SearchResponse {
  readonly hits: readonly SearchHit[];
  /** How many pages match, of which `hits` holds the first ones. */
  readonly total: number;
  /** The query with misspelled words corrected, when any were; it was searched too. */
  readonly correctedQuery?: string;
}

export interface SearchOptions {
  /** Only pages with these filter values, e.g. `{ section: 'Conditions', certainty: 'Low certainty' }`. */
  readonly filters?: Readonly<Record<string, string>>;
  readonly limit?: number;
}

/** Words around the match in each excerpt. */
const EXCERPT_WORDS = 26;

/** Section titles longer than this are cut at a word: a bibliography entry is its own heading. */
const MAX_TITLE_LENGTH = 90;

export function shortTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const cut = title.slice(0, MAX_TITLE_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE_LENGTH / 2)).replace(/[\s,.;:]+$/, '')}…`;
}

const sectionScore = (section: PagefindAnchorResult) => section.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);

async function fetchJson<T>(url: string, fallback: T): Promise<T> {
  const response = await fetch(url);
  return response.ok ? ((await response.json()) as T) : fallback;
}

function toHit(data: PagefindData): SearchHit {
  const sections = [...data.sub_results].sort((a, b) => sectionScore(b) - sectionScore(a));
  const best = sections[0] ?? { title: data.meta.title ?? data.url, url: data.url, excerpt: data.excerpt };
  const pageTitle = data.meta.title ?? best.title;
  return {
    title: shortTitle(best.title),
    url: best.url,
    excerpt: best.excerpt,
    pageTitle,
    pageUrl: data.url,
    section: data.meta.section,
    certainty: data.meta.certainty,
    bottomLine: data.meta.bottom_line,
    more: sections.slice(1, 3).map(({ title, url, excerpt }) => ({ title: shortTitle(title), url, excerpt })),
  };
}

/** One edition's search. Create it with `editionSearch`, which keeps one per index. */
export class EditionSearch {
  private pagefind?: Promise<PagefindModule>;
  private synonyms?: Promise<SynonymGroups>;
  /** Vocabulary files by name, each loaded when a query first has a word that starts with its letter. */
  private readonly words = new Map<string, Promise<string[]>>();

  constructor(readonly indexUrl: string) {}

  /** Loads Pagefind and the synonyms; safe to call again. Call it when search opens. */
  load(): Promise<PagefindModule> {
    this.synonyms ??= fetchJson<SynonymGroups>(`${this.indexUrl}${SYNONYMS_FILE}`, []);
    this.pagefind ??= (async () => {
      // The bundle's URL is known only at run time, so the bundler must leave this import alone.
      const module = (await import(/* webpackIgnore: true */ `${this.indexUrl}pagefind.js`)) as PagefindModule;
      await module.options({ excerptLength: EXCERPT_WORDS, baseUrl: '/' });
      await module.init();
      return module;
    })();
    return this.pagefind;
  }

  /** Every filter with its values and page counts, e.g. `{ section: { Conditions: 11 } }`. */
  async filters(): Promise<Record<string, Record<string, number>>> {
    return (await this.load()).filters();
  }

  /** The searches to run: the query and its expansions, then those of its spelling correction. */
  private async variants(query: string): Promise<{ variants: string[]; correctedQuery?: string }> {
    const synonyms = await this.synonyms!;
    const variants = expandQuery(query, synonyms);
    const known = new Set(synonyms.flatMap((group) => group.flatMap(searchWords)));
    const files = [
      ...new Set(
        searchWords(query)
          .filter((word) => !known.has(word) && correctable(word))
          .map(wordsFile),
      ),
    ];
    for (const file of files) if (!this.words.has(file)) this.words.set(file, fetchJson<string[]>(`${this.indexUrl}${file}`, []));
    const vocabulary = (await Promise.all(files.map((file) => this.words.get(file)!))).flat();
    const correctedQuery = correctQuery(query, vocabulary, known);
    if (!correctedQuery) return { variants };
    for (const variant of expandQuery(correctedQuery, synonyms)) if (!variants.includes(variant)) variants.push(variant);
    return { variants: variants.slice(0, MAX_VARIANTS + 2), correctedQuery };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    if (!query.trim()) return { hits: [], total: 0 };
    const pagefind = await this.load();
    const { variants, correctedQuery } = await this.variants(query);
    const searches = await Promise.all(
      variants.map(async (variant) => {
        const response = await pagefind.search(variant, options.filters ? { filters: { ...options.filters } } : {});
        return (response?.results ?? []).map((result) => ({ id: result.id, score: result.score, item: result }));
      }),
    );
    const merged = mergeByScore(searches);
    const top = merged.slice(0, options.limit ?? 10);
    const hits = (await Promise.all(top.map((result) => result.item.data()))).map(toHit);
    return { hits, total: merged.length, ...(correctedQuery ? { correctedQuery } : {}) };
  }
}

const editions = new Map<string, EditionSearch>();

/** The search of the edition whose index is at `indexUrl` (from `useBaseUrl(searchIndexPath(version))`). */
export function editionSearch(indexUrl: string): EditionSearch {
  let search = editions.get(indexUrl);
  if (!search) editions.set(indexUrl, (search = new EditionSearch(indexUrl)));
  return search;
}

/** An excerpt as text runs, each marked or not, so it renders without inserting HTML. */
export function excerptParts(excerpt: string): { text: string; marked: boolean }[] {
  const decode = (html: string) =>
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;|&#x27;|&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('<mark>') ? { text: decode(part.slice(6, -7)), marked: true } : { text: decode(part), marked: false }))
    .filter((part) => part.text);
}
