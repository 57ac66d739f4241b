/**
 * Numbers the page's citation nodes and appends its reference list.
 *
 * Numbers follow first use (the bottom line and key points come first on
 * the page, so they are numbered first). Each cluster is rendered by the
 * citation style, so consecutive numbers collapse ("3–5"); each number
 * links to its entry, which works without JavaScript. Each entry in the
 * list links back to every place it is cited (↩ a, b, c). Entries are
 * rendered once per build from CSL (see src/citations/csl.ts).
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Parent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { renderClusters } from '../../citations/csl';
import { doiUrl, pmcUrl, pubmedUrl, studySummary } from '../../citations/format';
import type { Reference } from '../../citations/reference';
import type { SiteIndex } from '../../content/contentIndex';
import type { Cite } from '../citeNodes';
import { hastBlock, hastElement, hastText, heading } from '../shared/nodes';

export interface Options {
  readonly site: SiteIndex;
  /** Filled with the cited keys in number order. */
  readonly cited: string[];
}

export const REFERENCES_HEADING = 'References';
export const referenceId = (key: string) => `ref-${key}`;
export const citeId = (index: number) => `cite-${index + 1}`;
const BACKLINK_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const entryCache = new WeakMap<SiteIndex, Map<string, ElementContent[]>>();

/** Links the DOI and URL the style prints, so a reader can open the source from the entry. */
function linkify(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') return [{ ...node, children: linkify(node.children) }];
    if (node.type !== 'text') return [node];
    const out: ElementContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(/doi:(10\.\S+?)(?=\.?(\s|$))|https:\/\/\S+?(?=\.?(\s|$))/g)) {
      if (match.index > last) out.push(hastText(node.value.slice(last, match.index)));
      const url = match[1] ? doiUrl(match[1]) : match[0];
      out.push(hastElement('a', { href: url, ...(match[1] ? {} : { className: ['url'] }) }, [hastText(match[0])]));
      last = match.index + match[0].length;
    }
    if (last < node.value.length) out.push(hastText(node.value.slice(last)));
    return out;
  });
}

/** A reference as hast: the style's entry, PubMed and PMC links, and the site's study summary. */
export function referenceContent(site: SiteIndex, reference: Reference): ElementContent[] {
  let cache = entryCache.get(site);
  if (!cache) entryCache.set(site, (cache = new Map()));
  const cached = cache.get(reference.key);
  if (cached) return structuredClone(cached);
  const html = site.renderedEntries.get(reference.key) ?? reference.title;
  const children = linkify(fromHtml(html, { fragment: true }).children as ElementContent[]);
  if (reference.pmid) children.push(hastText(' PubMed: '), hastElement('a', { href: pubmedUrl(reference.pmid) }, [hastText(reference.pmid)]));
  if (reference.pmcid) children.push(hastText(reference.pmid ? ' · ' : ' '), hastElement('a', { href: pmcUrl(reference.pmcid) }, [hastText(reference.pmcid)]));
  const summary = studySummary(reference);
  if (summary) children.push(hastText(' '), hastElement('span', { className: ['reference__design'] }, [hastText(`[${summary}]`)]));
  cache.set(reference.key, children);
  return structuredClone(children);
}

const citations: Plugin<[Options], Root> =
  ({ site, cited }) =>
  (tree) => {
    const { references } = site.bibliography;
    const canonical = (key: string) => references.get(key)?.key;
    const nodes: Cite[] = [];
    visit(tree, 'cite', (node) => {
      nodes.push(node);
    });
    const clusters = nodes.map((node) => [...new Set(node.keys.map(canonical).filter((key): key is string => Boolean(key)))]);
    const order: string[] = [];
    for (const cluster of clusters) for (const key of cluster) if (!order.includes(key)) order.push(key);
    const items = order.map((key) => references.get(key)!.csl);
    const rendered = renderClusters(items, clusters);
    const citedAt = new Map<string, string[]>();

    let index = 0;
    visit(tree, (node, position, parent?: Parent) => {
      if (node.type !== 'cite' || !parent || position === undefined) return undefined;
      const cluster = clusters[index]!;
      const parts = rendered[index] ?? [];
      const id = citeId(index);
      index += 1;
      for (const key of cluster) citedAt.set(key, [...(citedAt.get(key) ?? []), id]);
      const children: ElementContent[] = parts.map((part) => {
        if (part.number === undefined) return hastText(part.text);
        const key = order[part.number - 1]!;
        return hastElement('a', { href: `#${referenceId(key)}`, className: ['citation__link'], dataCitationKey: key, ariaDescribedBy: referenceId(key) }, [
          hastText(part.text),
        ]);
      });
      const sup: RootContent = { type: 'emphasis', children: [], data: { hName: 'sup', hProperties: { className: ['citation'], id }, hChildren: children } };
      // A space before a superscript number reads badly; AMA sets it against the word.
      const before = parent.children[position - 1];
      if (before?.type === 'text') before.value = before.value.replace(/\s+$/, '');
      parent.children.splice(position, 1, sup as (typeof parent.children)[number]);
      return [SKIP, position + 1];
    });

    // Entries the bibliography page lists are rendered from the same cache as every reference list.
    visit(tree, 'paragraph', (node) => {
      const data = node.data as { hName?: string; hProperties?: { dataReferenceKey?: string } } | undefined;
      if (data?.hName !== 'bibliographyentry') return;
      const key = data.hProperties!.dataReferenceKey!;
      node.data = {
        hName: 'p',
        hProperties: { id: referenceId(key), className: ['bibliography__entry'], dataReferenceKey: key },
        hChildren: referenceContent(site, references.get(key)!),
      };
    });

    cited.push(...order);
    if (order.length === 0) return;
    const items2: Element[] = order.map((key) => {
      const backlinks = citedAt.get(key) ?? [];
      const back: ElementContent[] =
        backlinks.length === 1
          ? [hastElement('a', { href: `#${backlinks[0]}`, className: ['reference__back'], ariaLabel: 'Back to the citation' }, [hastText('↩')])]
          : [
              hastElement('span', { className: ['reference__back'] }, [
                hastText('↩ '),
                ...backlinks.flatMap((target, i): ElementContent[] => [
                  ...(i > 0 ? [hastText(' ')] : []),
                  hastElement('a', { href: `#${target}`, ariaLabel: `Back to citation ${i + 1}` }, [hastText(BACKLINK_LETTERS[i] ?? String(i + 1))]),
                ]),
              ]),
            ];
      const reference = references.get(key)!;
      return hastElement('li', { id: referenceId(key), dataReferenceKey: key, dataReferenceKind: reference.official ? 'official' : 'study' }, [
        ...back,
        hastText(' '),
        ...referenceContent(site, reference),
      ]);
    });
    tree.children.push(heading(2, REFERENCES_HEADING, 'references'), hastBlock('ol', { className: ['references'] }, items2));
  };

export default citations;
