/**
 * Builders for the mdast nodes the site's plugins insert.
 *
 * A node that should become a particular HTML element or theme component
 * carries `data.hName` and `data.hProperties`; Docusaurus maps lower-case
 * names it knows (`evidencelabel`, `sortabletable`; names are lower case because the `.md` pipeline re-parses HTML, which lower-cases element names) to components through
 * `src/theme/MDXComponents.tsx`, the way it maps `admonition`.
 */
import type { Element, ElementContent } from 'hast';
import type { BlockContent, Heading, PhrasingContent, RootContent, Text } from 'mdast';

/** Element properties as plugins write them; hast's own type is stricter than mdast-util-to-hast needs. */
export type HastProperties = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;
type NodeData = { hName: string; hProperties: Element['properties']; hChildren?: ElementContent[] };
const data = (hName: string, hProperties: HastProperties, hChildren?: ElementContent[]): NodeData => ({
  hName,
  hProperties: hProperties as Element['properties'],
  ...(hChildren ? { hChildren } : {}),
});

export function text(value: string): Text {
  return { type: 'text', value };
}

/** A citation node, as the citation syntax produces it, for blocks generated from cited data. */
export function cite(keys: readonly string[]): PhrasingContent {
  return { type: 'cite', keys: [...new Set(keys)] };
}

/** A block node rendered as `hName`, holding mdast children. */
export function block(hName: string, hProperties: HastProperties, children: RootContent[]): BlockContent {
  return {
    type: 'blockquote',
    children: children as BlockContent[],
    data: data(hName, hProperties),
  };
}

/** An inline node rendered as `hName`, holding mdast children. */
export function inline(hName: string, hProperties: HastProperties, children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', children, data: data(hName, hProperties) };
}

/** A node rendered straight from hast children (used where mdast has no fitting node). */
export function hastBlock(hName: string, hProperties: HastProperties, hChildren: ElementContent[]): BlockContent {
  return { type: 'paragraph', children: [], data: data(hName, hProperties, hChildren) };
}

export function hastInline(hName: string, hProperties: HastProperties, hChildren: ElementContent[]): PhrasingContent {
  return { type: 'emphasis', children: [], data: data(hName, hProperties, hChildren) };
}

export function heading(depth: 2 | 3 | 4, value: string, id?: string): Heading {
  // Docusaurus reads an explicit `{#id}` at the end of a heading and keeps it stable.
  return { type: 'heading', depth, children: [text(id ? `${value} {#${id}}` : value)] };
}

export function hastText(value: string): ElementContent {
  return { type: 'text', value };
}

export function hastElement(tagName: string, properties: HastProperties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: properties as Element['properties'], children };
}
