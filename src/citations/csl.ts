/**
 * References through citation-js and CSL: BibTeX entries become CSL-JSON
 * items (@citation-js/plugin-bibtex), and citeproc-js renders entries and
 * citation clusters with the site's AMA style (src/citations/ama.csl)
 * through @citation-js/plugin-csl. Range collapsing ("3–5"), "et al" rules,
 * name particles and punctuation all come from the style and the engine.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  suffix?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
}

/** A CSL-JSON item (only the fields the site reads are typed; citation-js may add others). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  'container-title-short'?: string;
  publisher?: string;
  issued?: CslDate;
  accessed?: CslDate;
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  genre?: string;
  version?: string;
  [field: string]: unknown;
}

export const STYLE = 'ama';
const LOCALE = 'en-US';

interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeCitationCluster(items: { id: string }[]): string;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
}
interface CslConfig {
  engine(data: CslItem[], style: string, lang: string, format: 'html' | 'text'): CiteprocEngine;
  styles: { add(name: string, xml: string): void; has(name: string): boolean };
}

let registeredStyle: string | undefined;

/** Registers the site's style (the text of src/citations/ama.csl) with the engine; the bibliography loader calls it. */
export function registerStyle(xml: string): void {
  if (registeredStyle === xml) return;
  (plugins.config.get('@csl') as CslConfig).styles.add(STYLE, xml);
  registeredStyle = xml;
}

function csl(): CslConfig {
  if (registeredStyle === undefined) throw new Error('the citation style is not loaded: load the bibliography first');
  return plugins.config.get('@csl') as CslConfig;
}

export type Converted = { item: CslItem } | { error: string };

/** One BibTeX entry's text as a CSL-JSON item, or citation-js's reason it cannot be read. */
export function cslFromBibtex(text: string): Converted {
  try {
    const items = plugins.input.chain(text, { generateGraph: false, target: '@csl/list+object' } as Parameters<typeof plugins.input.chain>[1]) as CslItem[];
    if (!Array.isArray(items) || items.length !== 1) return { error: 'citation-js could not read the entry' };
    return { item: items[0]! };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

/**
 * A shortened author list ends in "et al" on the page: the style shows the
 * first three of seven or more names, so the marker makes a list cut short
 * at six read as cut short.
 */
export function renderable(item: CslItem, moreAuthors: boolean): CslItem {
  return moreAuthors ? { ...item, author: [...(item.author ?? []), { literal: 'et al' }] } : item;
}

/** Every entry rendered as AMA HTML (no number: the reference list numbers them), by key. */
export function renderEntries(items: readonly CslItem[]): Map<string, string> {
  const engine = csl().engine([...items], STYLE, LOCALE, 'html');
  engine.updateItems(items.map((item) => item.id));
  const result = engine.makeBibliography();
  const out = new Map<string, string>();
  if (!result) return out;
  const [meta, entries] = result;
  meta.entry_ids.forEach((ids, index) => {
    const html = entries[index]!.trim()
      .replace(/^<div class="csl-entry">/, '')
      .replace(/<\/div>$/, '');
    out.set(ids[0]!, html);
  });
  return out;
}

/** One entry as plain text (for previews, alt text and tests). */
export function renderEntryText(item: CslItem): string {
  const engine = csl().engine([item], STYLE, LOCALE, 'text');
  engine.updateItems([item.id]);
  const result = engine.makeBibliography();
  return result ? result[1].join('').trim() : '';
}

export interface ClusterPart {
  /** A citation number, or the text between numbers ("," or "–"). */
  readonly number?: number;
  readonly text: string;
}

/**
 * The citation clusters of one page, numbered in order of first use and
 * collapsed by the style: `[['a'], ['c', 'd', 'e']]` with keys in that
 * order gives "1" and "3–5". Returned as parts so each number can link to
 * its entry.
 */
export function renderClusters(items: readonly CslItem[], clusters: readonly (readonly string[])[]): ClusterPart[][] {
  if (clusters.length === 0) return [];
  const order: string[] = [];
  for (const cluster of clusters) for (const key of cluster) if (!order.includes(key)) order.push(key);
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = csl().engine(
    order.map((key) => byId.get(key)!),
    STYLE,
    LOCALE,
    'text',
  );
  engine.updateItems(order);
  return clusters.map((cluster) => {
    const text = engine.makeCitationCluster([...new Set(cluster)].map((id) => ({ id })));
    return [...text.matchAll(/(\d+)|([^\d]+)/g)].map((match) => (match[1] ? { number: Number(match[1]), text: match[1] } : { text: match[2]! }));
  });
}
