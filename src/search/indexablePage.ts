/**
 * Marks up a built page for the Pagefind indexer. Only the copy handed to
 * the indexer is changed; the published HTML stays as Docusaurus wrote it,
 * so no theme component has to carry search attributes.
 *
 * What a reader sees in the article is indexed, including the generated
 * glossary, evidence map and bibliography. What repeats on every page or
 * is not the article's own text is left out: navigation, banners,
 * breadcrumbs, the table of contents, "Cite this page", "Report an error",
 * footers, citation numbers, glossary and evidence-label hover previews
 * (their text belongs to the glossary and methods pages), review dates and
 * each page's reference list (the bibliography page keeps its entries).
 */
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { LABEL_LEVELS, type LabelLevelId } from '../evidence/levels';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** The element whose content is the article: Docusaurus's Markdown container. */
const ARTICLE_CLASS = 'theme-doc-markdown';

/** See `entriesAsHeadings`. */
const BIBLIOGRAPHY_ENTRY_WEIGHT = 0.5;

/** Inside the article, elements that are not its own searchable text. */
const IGNORED: readonly ((element: Element) => boolean)[] = [
  (e) => e.tagName === 'sup' && hasClass(e, 'citation'),
  (e) => hasClass(e, 'glossary-term__preview'),
  (e) => attribute(e, 'role') === 'tooltip',
  (e) => hasClass(e, 'hash-link'),
  // Decoration such as the GRADE marks (⊕⊕◯◯): screen readers skip it, and so does search.
  (e) => attribute(e, 'aria-hidden') === 'true',
  // A formula is indexed by its MathML text, not by the TeX source KaTeX keeps beside it.
  (e) => e.tagName === 'annotation',
  (e) => e.tagName === 'svg',
  (e) => hasClass(e, 'page-review'),
  (e) => hasClass(e, 'page-reading-lists'),
  (e) => e.tagName === 'ol' && hasClass(e, 'references'),
  (e) => /^h[2-6]$/.test(e.tagName) && attribute(e, 'id') === 'references',
  (e) => hasClass(e, 'bibliography__cited-by'),
];

export interface PageFacts {
  /** The site section the page belongs to, e.g. "Conditions". */
  readonly section: string;
  /** One line saying what the page answers (its description), shown under the title. */
  readonly bottomLine?: string;
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((a) => a.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

export function hasClass(element: Element, name: string): boolean {
  return (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function findElement(root: ParentNode, test: (element: Element) => boolean): Element | undefined {
  for (const child of root.childNodes) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const inner = findElement(child, test);
    if (inner) return inner;
  }
  return undefined;
}

function walk(root: ParentNode, visit: (element: Element) => boolean | void): void {
  for (const child of root.childNodes) {
    if (!isElement(child)) continue;
    if (visit(child) === false) continue;
    walk(child, visit);
  }
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function hiddenElement(body: Element, attributes: Record<string, string>, text = ''): void {
  const element: Element = {
    nodeName: 'span',
    tagName: 'span',
    attrs: [...Object.entries(attributes).map(([name, value]) => ({ name, value })), { name: 'hidden', value: '' }],
    namespaceURI: body.namespaceURI,
    childNodes: [],
    parentNode: body,
  };
  if (text) element.childNodes.push({ nodeName: '#text', value: text, parentNode: element });
  body.childNodes.push(element);
}

/**
 * A bibliography entry becomes a heading in the indexed copy, so a search
 * for an author or a trial lands on that entry (`#ref-…`), as it would on a
 * page section. The heading's id is the entry's own. Its words weigh half
 * as much as running text (Pagefind's default is 1, and 5 for an h3): the
 * 185 entries hold the words of every topic, and without this the
 * bibliography outranked the topic pages for most queries.
 */
function entriesAsHeadings(article: Element): void {
  walk(article, (element) => {
    if (element.tagName === 'p' && hasClass(element, 'bibliography__entry') && attribute(element, 'id')) {
      element.tagName = 'h3';
      element.nodeName = 'h3';
      setAttribute(element, 'data-pagefind-weight', String(BIBLIOGRAPHY_ENTRY_WEIGHT));
      return false;
    }
    return true;
  });
}

/** The text Pagefind will index: the article without its ignored elements. */
function indexedText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && attribute(node, 'data-pagefind-ignore') !== undefined) return ' ';
  return 'childNodes' in node ? node.childNodes.map(indexedText).join(' ') : '';
}

export interface IndexablePage {
  /** The page with Pagefind's attributes added. */
  readonly html: string;
  /** The words the index will hold for it, for the spelling suggestions. */
  readonly text: string;
  readonly certainty?: string;
}

/**
 * The page with Pagefind's attributes added, or undefined when it has no
 * article (a redirect page, for example). Metadata and filters sit outside
 * the indexed body, so their words do not count as the page's text.
 */
export function indexablePage(html: string, facts: PageFacts): IndexablePage | undefined {
  const document = parse(html);
  const article = findElement(document, (e) => e.tagName === 'div' && hasClass(e, ARTICLE_CLASS));
  const body = findElement(document, (e) => e.tagName === 'body');
  if (!article || !body) return undefined;
  setAttribute(article, 'data-pagefind-body', '');
  walk(article, (element) => {
    if (IGNORED.some((test) => test(element))) {
      setAttribute(element, 'data-pagefind-ignore', 'all');
      return false;
    }
    return true;
  });
  entriesAsHeadings(article);
  const certainty = pageCertainty(article);
  hiddenElement(body, { 'data-pagefind-filter': 'section' }, facts.section);
  hiddenElement(body, { 'data-pagefind-meta': 'section' }, facts.section);
  if (certainty) {
    hiddenElement(body, { 'data-pagefind-filter': 'certainty' }, certainty);
    hiddenElement(body, { 'data-pagefind-meta': 'certainty' }, certainty);
  }
  if (facts.bottomLine) hiddenElement(body, { 'data-pagefind-meta': 'bottom_line' }, facts.bottomLine);
  return { html: serialize(document), text: indexedText(article), ...(certainty ? { certainty } : {}) };
}

/**
 * The page's certainty in words ("Low certainty"), from its own evidence
 * label: the label that is a direct child of the article. Labels deeper
 * down belong to table rows (the evidence map, summary-of-findings tables).
 */
export function pageCertainty(article: Element): string | undefined {
  for (const child of article.childNodes) {
    if (!isElement(child) || !hasClass(child, 'evidence-label')) continue;
    const id = attribute(child, 'data-evidence-level') as LabelLevelId | undefined;
    if (id && id in LABEL_LEVELS) return LABEL_LEVELS[id].label;
  }
  return undefined;
}
