/**
 * Raw HTML and formulas in content, read the way the renderer reads them.
 *
 * Docusaurus turns the raw HTML of a `.md` page into elements with
 * hast-util-raw (parse5, a standards-compliant HTML parser), so a regular
 * expression can disagree with it: `<!-->` ends a comment at once for the
 * parser, and what follows is live markup. The checker therefore converts
 * the page to hast and runs the same parser, then reports every element that
 * came from raw HTML. The published page goes further: the content index
 * drops raw HTML from the tree altogether except the few tags allowed
 * (`dropRawHtml`), and a sanitizer runs on the rendered output.
 */
import type { Element, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import katex from 'katex';
import type { Html, Parent, PhrasingContent, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { KATEX_OPTIONS } from './markdown';
import { ALLOWED_HTML, DANGEROUS_HTML } from './vocabulary';

export interface MarkupProblem {
  readonly line: number;
  readonly column: number;
  readonly ruleId: 'content-code' | 'content-html';
  readonly message: string;
}

const MARK = 'dataSiteMarkdown';
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data', 'srcSet', 'background', 'cite']);
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;

/** Every element a page's raw HTML produces, found with the renderer's own HTML parser. */
export function checkRawHtml(tree: Root, offsetLine = 0): MarkupProblem[] {
  let hasHtml = false;
  visit(tree, 'html', () => {
    hasHtml = true;
  });
  if (!hasHtml) return [];
  const hast = toHast(tree, { allowDangerousHtml: true }) as HastRoot;
  visit(hast, 'element', (element) => {
    element.properties[MARK] = true;
  });
  const parsed = raw(hast) as HastRoot;
  const problems: MarkupProblem[] = [];
  // hast-util-raw does not keep positions for elements it parses, so each is placed at the raw HTML that names its tag.
  const htmlNodes: Html[] = [];
  visit(tree, 'html', (node) => {
    htmlNodes.push(node);
  });
  const placeOf = (tag: string) => {
    const source = htmlNodes.find((node) => new RegExp(`<\\s*${tag}\\b`, 'i').test(node.value)) ?? htmlNodes[0];
    return { line: (source?.position?.start.line ?? 1) + offsetLine, column: source?.position?.start.column ?? 1 };
  };
  const report = (element: Element, ruleId: MarkupProblem['ruleId'], message: string) => problems.push({ ...placeOf(element.tagName), ruleId, message });
  visit(parsed, 'element', (element) => {
    if (element.properties[MARK] !== undefined) return;
    const tag = element.tagName.toLowerCase();
    const names = Object.keys(element.properties);
    if ((DANGEROUS_HTML as readonly string[]).includes(tag)) {
      report(element, 'content-code', `\`<${tag}>\` is not allowed: content cannot run, embed, restyle or redirect the page`);
    } else if (names.some((name) => /^on/i.test(name))) {
      report(element, 'content-code', `remove the event handler in \`<${tag}>\`: content cannot run code`);
    } else if (names.some((name) => URL_ATTRIBUTES.has(name) && SCRIPT_URL.test(String(element.properties[name])))) {
      report(element, 'content-code', `remove the \`javascript:\` or \`data:\` URL in \`<${tag}>\`: content cannot run code`);
    } else if (!(ALLOWED_HTML as readonly string[]).includes(tag) || names.length > 0) {
      report(
        element,
        'content-html',
        `raw HTML \`<${tag}${names.length ? ' …' : ''}>\` is not allowed: write Markdown (only ${ALLOWED_HTML.map((t) => `<${t}>`).join(', ')} without attributes are kept)`,
      );
    }
  });
  return problems;
}

const OPEN = /^<(sub|sup)>$/i;
const BREAK = /^<br\s*\/?>$/i;

/**
 * The published tree holds no raw HTML: `<br>` becomes a line break and a
 * `<sub>`/`<sup>` pair wraps its text; everything else (comments included)
 * is dropped. The checker has already refused anything else, so this only
 * changes pages when the checks are bypassed.
 */
export function dropRawHtml(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return undefined;
    const parent = node as Parent;
    const out: typeof parent.children = [];
    for (let i = 0; i < parent.children.length; i += 1) {
      const child = parent.children[i]!;
      if (child.type !== 'html') {
        out.push(child);
        continue;
      }
      const value = (child as Html).value.trim();
      if (BREAK.test(value)) {
        out.push({ type: 'break' } as (typeof parent.children)[number]);
        continue;
      }
      const open = OPEN.exec(value);
      if (open) {
        const tag = open[1]!.toLowerCase();
        const close = parent.children.findIndex((c, j) => j > i && c.type === 'html' && (c as Html).value.trim().toLowerCase() === `</${tag}>`);
        if (close !== -1) {
          const inner = parent.children.slice(i + 1, close).filter((c) => c.type !== 'html') as PhrasingContent[];
          out.push({ type: 'emphasis', children: inner, data: { hName: tag, hProperties: {} } } as (typeof parent.children)[number]);
          i = close;
        }
      }
    }
    parent.children = out;
    return undefined;
  });
}

export interface MathCheck {
  readonly ok: boolean;
  readonly reason?: string;
}

const mathCache = new Map<string, MathCheck>();

/**
 * Whether KaTeX renders a formula within the site's limits. A formula that
 * asks for a size beyond `maxSize` renders differently with the limit lifted,
 * which is how an oversized `\rule` or `\kern` is found without reading
 * KaTeX's internals.
 */
export function checkFormula(value: string, displayMode: boolean): MathCheck {
  const key = `${displayMode ? 'D' : 'I'}${value}`;
  const cached = mathCache.get(key);
  if (cached) return cached;
  let result: MathCheck;
  try {
    const untrusted: string[] = [];
    const options = { ...KATEX_OPTIONS, displayMode, trust: (context: { command: string }) => (untrusted.push(context.command), false) };
    const limited = katex.renderToString(value, options);
    if (untrusted.length > 0) {
      result = { ok: false, reason: `\`${untrusted[0]}\` is not allowed in formulas` };
    } else if (limited !== katex.renderToString(value, { ...options, maxSize: Infinity })) {
      result = { ok: false, reason: `a size is larger than ${KATEX_OPTIONS.maxSize}em` };
    } else result = { ok: true };
  } catch (error) {
    result = { ok: false, reason: error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error) };
  }
  mathCache.set(key, result);
  return result;
}
