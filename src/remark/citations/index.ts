/**
 * Renders `[@key]` citations as numbered superscript links (AMA style,
 * numbered in order of first use) and appends the page's reference list.
 *
 * Each number links to its entry in the list, so it works without
 * JavaScript; hovering or focusing the number shows the full reference
 * (src/clientModules/citationPreview.ts reads it from the list, so the
 * reference text is not repeated at every citation).
 */
import type { ElementContent } from 'hast';
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { loadBibliography } from '../../citations/bibliography';
import { formatReference, studySummary } from '../../citations/format';
import type { Reference } from '../../citations/reference';
import { findCitations } from '../../citations/syntax';
import { ContentError } from '../../content/problems';
import { hastBlock, hastElement, hastInline, hastText, heading, segmentsToHast, text } from '../shared/nodes';

export interface Options {
  readonly bibliographyPath: string;
}

export const REFERENCES_HEADING = 'References';
export const referenceId = (key: string) => `ref-${key}`;

/** Nodes whose text is never scanned for citations. */
const SKIPPED = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'link', 'linkReference', 'heading']);

declare module 'vfile' {
  interface DataMap {
    /** Cited keys in the order of their numbers. */
    citations: string[];
  }
}

function citationNode(keys: readonly string[], numbers: Map<string, number>): PhrasingContent {
  const items: ElementContent[] = [];
  keys.forEach((key, position) => {
    if (position > 0) items.push(hastText(','));
    items.push(
      hastElement(
        'a',
        {
          href: `#${referenceId(key)}`,
          className: ['citation__link'],
          ariaDescribedBy: referenceId(key),
          dataCitationKey: key,
        },
        [hastText(String(numbers.get(key)))],
      ),
    );
  });
  return hastInline('sup', { className: ['citation'] }, items);
}

function referenceList(keys: readonly string[], references: ReadonlyMap<string, Reference>): RootContent[] {
  const items = keys.map((key) => {
    const reference = references.get(key)!;
    const summary = studySummary(reference);
    const children: ElementContent[] = segmentsToHast(formatReference(reference));
    if (summary) children.push(hastText(' '), hastElement('span', { className: ['reference__design'] }, [hastText(`[${summary}]`)]));
    return hastElement('li', { id: referenceId(key), dataReferenceKey: key }, children);
  });
  return [
    heading(2, REFERENCES_HEADING, 'references'),
    hastBlock('ol', { className: ['references'] }, items),
  ];
}

const citations: Plugin<[Options], Root> = (options) => (tree, file) => {
  const { references } = loadBibliography(options.bibliographyPath);
  const numbers = new Map<string, number>();
  const unknown = new Set<string>();

  visit(tree, (node, index, parent?: Parent) => {
    if (SKIPPED.has(node.type)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const value = (node as Text).value;
    const found = findCitations(value);
    if (found.length === 0) return undefined;
    const replacement: PhrasingContent[] = [];
    let last = 0;
    for (const citation of found) {
      const known = citation.keys.filter((key) => references.has(key));
      citation.keys.filter((key) => !references.has(key)).forEach((key) => unknown.add(key));
      for (const key of known) if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
      // Within one citation, AMA lists the numbers in ascending order.
      known.sort((a, b) => numbers.get(a)! - numbers.get(b)!);
      // A space before a superscript number reads badly; AMA sets it against the word.
      replacement.push(text(value.slice(last, citation.start).replace(/\s+$/, '')));
      replacement.push(citationNode(known, numbers));
      last = citation.end;
    }
    replacement.push(text(value.slice(last)));
    parent.children.splice(index, 1, ...(replacement.filter((n) => n.type !== 'text' || n.value) as typeof parent.children));
    return [SKIP, index + replacement.length];
  });

  if (unknown.size > 0) {
    throw new ContentError(
      [...unknown].map((key) => ({
        file: file.path,
        line: 1,
        column: 1,
        ruleId: 'citation-unknown-key',
        message: `unknown citation key \`${key}\`: add it to the bibliography or correct the key`,
      })),
    );
  }
  const ordered = [...numbers.keys()];
  file.data.citations = ordered;
  if (ordered.length > 0) tree.children.push(...referenceList(ordered, references));
};

export default citations;
