/**
 * The site's Content-Security-Policy, defined once, with an allow-list of
 * the inline scripts that may run.
 *
 * Everything is served by the site itself. Scripts run only from the site's
 * own files or, for the few inline scripts Docusaurus itself emits (the
 * colour-mode script of the classic theme), by the SHA-256 hash of their
 * exact text. Those scripts are recognized by their generator: the build
 * asks each plugin for the tags it injects (`injectHtmlTags`) and trusts
 * exactly those texts, never "whatever inline script a page happens to
 * contain". Inline styles stay allowed because the theme writes style
 * attributes (collapsible sections, the print running head's variables);
 * content cannot write style attributes (its raw HTML is dropped and the
 * output is sanitized).
 */
import { createHash } from 'node:crypto';
import { getHtmlMinifier, type HtmlMinifierType } from '@docusaurus/bundler';
import type { HtmlTags, LoadedPlugin } from '@docusaurus/types';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { SEARCH_CSP_SOURCES } from '../search/csp';

type Directives = Readonly<Record<string, readonly string[]>>;

export const BASE_POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Directives a `<meta>` policy cannot carry; hosts that can set response
 * headers should send the header policy (see README "Security"), which adds
 * them: no other site may frame these pages (clickjacking).
 */
export const HEADER_ONLY: Directives = {
  'frame-ancestors': ["'none'"],
};

export const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function merge(...sets: Directives[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const set of sets) for (const [name, values] of Object.entries(set)) out[name] = [...new Set([...(out[name] ?? []), ...values])];
  return out;
}

export function policyText(trustedScripts: Iterable<string>, forHeader = false): string {
  const hashes = [...new Set([...trustedScripts].map(sha256))].sort();
  const directives = merge(BASE_POLICY, SEARCH_CSP_SOURCES, { 'script-src': hashes }, forHeader ? HEADER_ONLY : {});
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

function scriptTexts(tags: HtmlTags | undefined): string[] {
  const list = tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
  const out: string[] = [];
  for (const tag of list) {
    if (typeof tag === 'string') {
      const walk = (nodes: ChildNode[]) => {
        for (const node of nodes) {
          if (node.nodeName === 'script' && !(node as Element).attrs.some((a) => a.name === 'src')) {
            out.push((node as Element).childNodes.map((c) => ('value' in c ? c.value : '')).join(''));
          }
          if ('childNodes' in node) walk(node.childNodes as ChildNode[]);
        }
      };
      walk(parseFragment(tag).childNodes);
    } else if (tag.tagName === 'script' && !tag.attributes?.src && tag.innerHTML) out.push(tag.innerHTML);
  }
  return out;
}

/**
 * The exact texts of the inline scripts the site's plugins and config
 * inject: the only inline scripts allowed to run. Docusaurus minifies the
 * finished HTML, scripts included, so each text is also passed through the
 * same minifier the build used, and both forms are trusted.
 */
export async function trustedInlineScripts(plugins: readonly LoadedPlugin[], headTags: readonly HtmlTags[], minifier: HtmlMinifierType): Promise<Set<string>> {
  const texts = new Set<string>();
  for (const plugin of plugins) {
    const tags = plugin.injectHtmlTags?.({ content: plugin.content });
    for (const text of [...scriptTexts(tags?.headTags), ...scriptTexts(tags?.preBodyTags), ...scriptTexts(tags?.postBodyTags)]) texts.add(text);
  }
  for (const tag of headTags) for (const text of scriptTexts(tag)) texts.add(text);
  const minify = await getHtmlMinifier({ type: minifier });
  for (const text of [...texts]) {
    const { code } = await minify.minify(`<!doctype html><html><head><title>x</title></head><body><script>${text}</script></body></html>`);
    const body = parse(code).childNodes.find((n) => n.nodeName === 'html') as Element | undefined;
    const walk = (node: ChildNode | Element): void => {
      if (node.nodeName === 'script') texts.add((node as Element).childNodes.map((c) => ('value' in c ? c.value : '')).join(''));
      if ('childNodes' in node) for (const child of node.childNodes as ChildNode[]) walk(child);
    };
    if (body) walk(body);
  }
  return texts;
}
