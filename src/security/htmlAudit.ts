/**
 * The last check on every HTML file of the build, made with an HTML
 * parser (parse5, the parser browsers follow) rather than patterns over
 * the text: any inline script that is not one of the trusted ones, any
 * script file the bundler did not produce, any inline event handler, any
 * `javascript:` URL, frame, embed, `<base>` or refresh fails the build,
 * naming the page. It also finds where `<head>` starts and ends, so that
 * the policy and the page's metadata are inserted by position, never by
 * searching the page's text.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

export interface AuditOptions {
  /** Exact texts of the inline scripts allowed to run. */
  readonly trustedScripts: ReadonlySet<string>;
  /** Whether a script file URL names a file the bundler wrote. */
  readonly scriptFileIsOurs: (src: string) => boolean;
}

export interface AttributeSpan {
  readonly element: string;
  readonly name: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface HtmlProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface HtmlAudit {
  readonly problems: HtmlProblem[];
  /** Offset just after `<head …>`, and of `</head>`; undefined when the document has none written. */
  readonly headOpenEnd?: number;
  readonly headCloseStart?: number;
  /** Inline scripts that will run (trusted), by text. */
  readonly inlineScripts: string[];
  /** Attributes a later step may rewrite (canonical link, og:url), with their offsets. */
  readonly attributes: AttributeSpan[];
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'srcset']);
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);
const SCRIPT_URL = /^\s*(javascript|vbscript):/i;

const textOf = (element: Element) => element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const describe = (element: Element) =>
  `<${element.tagName}${element.attrs
    .slice(0, 2)
    .map((a) => ` ${a.name}="${a.value.slice(0, 40)}"`)
    .join('')}>`;

export function auditHtml(html: string, options: AuditOptions): HtmlAudit {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const problems: HtmlProblem[] = [];
  const inlineScripts: string[] = [];
  const attributes: AttributeSpan[] = [];
  let headOpenEnd: number | undefined;
  let headCloseStart: number | undefined;

  const visit = (node: Node) => {
    if (!('tagName' in node)) {
      if ('childNodes' in node) for (const child of node.childNodes) visit(child as Node);
      return;
    }
    const element = node as Element;
    const tag = element.tagName;
    const location = element.sourceCodeLocation;
    const problem = (message: string) => problems.push({ message, line: location?.startLine ?? 1, column: location?.startCol ?? 1 });
    if (tag === 'head' && location?.startTag && headOpenEnd === undefined) {
      headOpenEnd = location.startTag.endOffset;
      headCloseStart = location.endTag?.startOffset;
    }
    for (const attribute of element.attrs) {
      if (/^on/i.test(attribute.name)) problem(`inline event handler \`${attribute.name}\` on ${describe(element)}`);
      if (URL_ATTRIBUTES.has(attribute.name) && SCRIPT_URL.test(attribute.value)) problem(`script URL in \`${attribute.name}\` of ${describe(element)}`);
      const span = location?.attrs?.[attribute.name];
      if (span && (tag === 'link' || tag === 'meta'))
        attributes.push({ element: tag, name: attribute.name, value: attribute.value, start: span.startOffset, end: span.endOffset });
    }
    if (FORBIDDEN_ELEMENTS.has(tag)) problem(`${describe(element)} is not allowed: the site embeds no frames or plugins`);
    if (tag === 'meta') {
      const equiv = (attr(element, 'http-equiv') ?? '').toLowerCase();
      if (equiv === 'refresh') problem(`${describe(element)} would send the reader to another address`);
      if (equiv === 'content-security-policy') problem(`${describe(element)}: the policy is the build's to write, not the page's`);
      if (equiv === 'set-cookie') problem(`${describe(element)} is not allowed`);
    }
    if (tag === 'script') {
      const src = attr(element, 'src');
      const type = (attr(element, 'type') ?? '').toLowerCase();
      if (src !== undefined) {
        if (!options.scriptFileIsOurs(src)) problem(`<script src="${src}"> is not a file the site's bundler wrote`);
      } else if (type === 'application/ld+json') {
        try {
          JSON.parse(textOf(element));
        } catch {
          problem('a JSON-LD block is not valid JSON (its text may have been broken out of)');
        }
      } else if (type && type !== 'text/javascript' && type !== 'module') {
        problem(`<script type="${type}"> is not allowed`);
      } else {
        const text = textOf(element);
        if (options.trustedScripts.has(text)) inlineScripts.push(text);
        else problem(`an inline script that Docusaurus did not write: ${JSON.stringify(text.slice(0, 60))}`);
      }
    }
    const children = tag === 'template' ? (element as unknown as { content: { childNodes: Node[] } }).content.childNodes : element.childNodes;
    for (const child of children) visit(child as Node);
  };
  visit(document as Node);
  return { problems, headOpenEnd, headCloseStart, inlineScripts, attributes };
}

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies edits at offsets (never by searching the text), last first so earlier offsets stay valid. */
export function applyEdits(html: string, edits: readonly Edit[]): string {
  let out = html;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function metaTag(attributes: Readonly<Record<string, string>>): string {
  return `<meta ${Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ')}>`;
}

export { escapeAttribute };
