/**
 * The guarantee at the trust boundary: the last rehype step of every page
 * keeps only the elements and attributes in the allow-list below. The
 * content checker explains a mistake to its author; this makes sure that
 * nothing it missed (or that a bypassed check let through) can reach a
 * reader as a script, an event handler, a `javascript:` link, a frame, a
 * redirect or a style that hides the article. Uses rehype-sanitize
 * (hast-util-sanitize) with the site's own schema.
 *
 * Docusaurus adds MDX nodes of its own after parsing (the table of
 * contents export, for instance). Content cannot create them (pages are
 * plain Markdown), and hast-util-sanitize would drop them, so they are set
 * aside before sanitizing and put back after.
 */
import type { Element, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { Plugin } from 'unified';

const GLOBAL = [
  'className',
  'id',
  'role',
  'ariaLabel',
  'ariaLabelledBy',
  'ariaDescribedBy',
  'ariaHidden',
  'ariaLive',
  'tabIndex',
  'title',
  'lang',
  'dataCitationKey',
  'dataReferenceKey',
  'dataGlossaryTerm',
  'dataEvidenceLevel',
  'dataLabel',
  'dataReferenceKind',
];
const PRESENTATION = ['fill', 'stroke', 'strokeWidth', 'strokeDasharray', 'strokeLinecap', 'opacity', 'fillOpacity', 'transform', 'style'];
const MATH_ELEMENTS = [
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'munder',
  'mover',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mlabeledtr',
];
const MATH_ATTRIBUTES = [
  'xmlns',
  'display',
  'encoding',
  'mathvariant',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'minsize',
  'maxsize',
  'symmetric',
  'largeop',
  'movablelimits',
  'accent',
  'accentunder',
  'width',
  'height',
  'depth',
  'voffset',
  'scriptlevel',
  'displaystyle',
  'columnalign',
  'rowspacing',
  'columnspacing',
  'columnlines',
  'rowlines',
  'linethickness',
  'notation',
  'mathcolor',
  'mathsize',
  'form',
  'linebreak',
];
/** Placeholder for Docusaurus's own MDX nodes while the rest is sanitized. */
const MDX_SLOT = 'docusaurus-mdx-node';

export const SANITIZE_SCHEMA: Schema = {
  tagNames: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'em',
    'strong',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'del',
    'sup',
    'sub',
    'span',
    'div',
    'section',
    'figure',
    'figcaption',
    'details',
    'summary',
    'time',
    'caption',
    'dl',
    'dt',
    'dd',
    'i',
    'b',
    'tfoot',
    'aside',
    // The site's own elements, mapped to components in src/theme/MDXComponents.tsx, and Docusaurus's admonitions.
    'evidencelabel',
    'sortabletable',
    'admonition',
    // Figures drawn at build time (route figure, forest plots) and KaTeX's stretchy glyphs.
    'svg',
    'g',
    'path',
    'line',
    'rect',
    'circle',
    'polygon',
    'polyline',
    'text',
    'tspan',
    'title',
    'desc',
    ...MATH_ELEMENTS,
    MDX_SLOT,
  ],
  attributes: {
    '*': GLOBAL,
    a: ['href'],
    ol: ['start', 'type'],
    th: ['align', 'scope', 'colSpan', 'rowSpan'],
    td: ['align', 'colSpan', 'rowSpan'],
    time: ['dateTime'],
    details: ['open'],
    span: ['style'],
    evidencelabel: ['level', 'basis', 'rationale', 'question', 'variant'],
    sortabletable: ['label'],
    admonition: ['type', 'title', 'icon'],
    svg: ['viewBox', 'width', 'height', 'preserveAspectRatio', 'xmlns', 'focusable', ...PRESENTATION],
    g: PRESENTATION,
    path: ['d', ...PRESENTATION],
    line: ['x1', 'x2', 'y1', 'y2', ...PRESENTATION],
    rect: ['x', 'y', 'width', 'height', 'rx', 'ry', ...PRESENTATION],
    circle: ['cx', 'cy', 'r', ...PRESENTATION],
    polygon: ['points', ...PRESENTATION],
    polyline: ['points', ...PRESENTATION],
    text: ['x', 'y', 'dx', 'dy', 'textAnchor', 'dominantBaseline', 'fontSize', 'fontWeight', ...PRESENTATION],
    tspan: ['x', 'y', 'dx', 'dy', 'textAnchor', 'fontWeight', ...PRESENTATION],
    [MDX_SLOT]: ['dataIndex'],
    ...Object.fromEntries(MATH_ELEMENTS.map((name) => [name, MATH_ATTRIBUTES])),
  },
  // `pathname:` marks a link to a file the site serves (Docusaurus resolves it against the base URL).
  protocols: { href: ['http', 'https', 'mailto', 'pathname'] },
  // Ids come from headings ({#id} is checked) and the site's own plugins; none from content HTML, which is dropped.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed'],
  allowComments: false,
  allowDoctypes: false,
};

type Node = Root | RootContent;

/** Replaces MDX nodes with numbered placeholders; returns them in order. */
function setAside(node: Node, aside: Node[]): Node {
  if (/^mdx/.test(node.type)) {
    aside.push(node);
    return { type: 'element', tagName: MDX_SLOT, properties: { dataIndex: aside.length - 1 }, children: [] };
  }
  if ('children' in node) (node as Element).children = (node as Element).children.map((child) => setAside(child, aside) as Element['children'][number]);
  return node;
}

function putBack(node: Node, aside: readonly Node[]): Node {
  if (node.type === 'element' && node.tagName === MDX_SLOT) return aside[Number(node.properties.dataIndex)]!;
  if ('children' in node) (node as Element).children = (node as Element).children.map((child) => putBack(child, aside) as Element['children'][number]);
  return node;
}

export function sanitizeTree(tree: Root): Root {
  const aside: Node[] = [];
  const safe = sanitize(setAside(tree, aside) as Root, SANITIZE_SCHEMA) as Root;
  return putBack(safe, aside) as Root;
}

const sanitizeContent: Plugin<[], Root> = () => (tree) => sanitizeTree(tree);

export default sanitizeContent;
