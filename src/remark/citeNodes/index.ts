/**
 * Turns `[@key]` and `[@a; @b]` in text into typed `cite` nodes, with
 * positions. This is the one place that decides what counts as a
 * citation: the checker, the numbering, the reference list, JSON-LD, the
 * downloads and the bibliography all read these nodes, never the raw
 * source. Code and math are literal nodes and are not scanned, so a
 * citation written in code is never counted (the checker refuses it).
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Data, Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { findCitations } from '../../citations/syntax';

export interface CiteData extends Data {
  /** Filled by the numbering step: each key's number on the page. */
  numbers?: number[];
}

/** A citation cluster: one or more bibliography keys in the order written. */
export interface Cite extends Node {
  type: 'cite';
  keys: string[];
  data?: CiteData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    cite: Cite;
  }
  interface RootContentMap {
    cite: Cite;
  }
}

/** Splits one text node into text and cite nodes, keeping every position exact. */
export function splitCitations(node: Text): PhrasingContent[] | undefined {
  const found = findCitations(node.value);
  if (found.length === 0) return undefined;
  const start = node.position?.start;
  const pointAt = (offset: number) => {
    if (!start) return undefined;
    const before = node.value.slice(0, offset).split('\n');
    return before.length === 1
      ? { line: start.line, column: start.column + offset, offset: start.offset === undefined ? undefined : start.offset + offset }
      : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1, offset: start.offset === undefined ? undefined : start.offset + offset };
  };
  const span = (from: number, to: number) => {
    const a = pointAt(from);
    const b = pointAt(to);
    return a && b ? { position: { start: a, end: b } } : {};
  };
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const citation of found) {
    if (citation.start > last) out.push({ type: 'text', value: node.value.slice(last, citation.start), ...span(last, citation.start) });
    out.push({ type: 'cite', keys: citation.keys, ...span(citation.start, citation.end) });
    last = citation.end;
  }
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last), ...span(last, node.value.length) });
  return out;
}

const citeNodes: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'text', (node, index, parent?: Parent) => {
    if (!parent || index === undefined) return undefined;
    const replacement = splitCitations(node);
    if (!replacement) return undefined;
    parent.children.splice(index, 1, ...(replacement as typeof parent.children));
    return [SKIP, index + replacement.length];
  });
};

export default citeNodes;
