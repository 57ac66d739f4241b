/**
 * Links the first use of each glossary term on a page to its glossary
 * entry and shows the definition on hover or keyboard focus. The link works
 * without JavaScript; the preview is drawn by CSS.
 */
import { dirname, join, relative, sep } from 'node:path';
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { existsSync } from 'node:fs';
import { SKIP, visit } from 'unist-util-visit';
import { docLocation } from '../../content/paths';
import { loadGlossary, termPattern } from '../../glossary/glossary';
import { inline, text } from '../shared/nodes';

export interface Options {
  readonly siteDir: string;
  readonly glossaryPath?: string;
}

export const GLOSSARY_DOC = 'reference/glossary.md';

/** Nodes whose text is never linked: headings, existing links, code and math. */
const SKIPPED = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'math', 'inlineMath', 'yaml']);

const glossaryTerms: Plugin<[Options], Root> = (options) => (tree, file) => {
  const location = docLocation(file.path, options.siteDir);
  if (!location || location.docPath === GLOSSARY_DOC) return;
  const glossaryFile = join(location.root, GLOSSARY_DOC);
  if (!existsSync(glossaryFile)) return;
  const terms = loadGlossary(options.glossaryPath);
  const { pattern, byMatch } = termPattern(terms);
  const href = relative(dirname(file.path), glossaryFile).split(sep).join('/');
  const used = new Set<string>();

  visit(tree, (node, index, parent?: Parent) => {
    if (SKIPPED.has(node.type) || (node.data as { hName?: string } | undefined)?.hName === 'sup') return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const value = (node as Text).value;
    const replacement: PhrasingContent[] = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      const term = byMatch.get(match[0])!;
      if (used.has(term.id)) continue;
      used.add(term.id);
      replacement.push(text(value.slice(last, match.index)));
      const previewId = `glossary-${term.id}`;
      replacement.push(
        inline('span', { className: ['glossary-term'] }, [
          { type: 'link', url: `${href}#${term.id}`, children: [text(match[0])], data: { hProperties: { ariaDescribedBy: [previewId] } } },
          inline('span', { className: ['glossary-term__preview'], role: 'tooltip', id: previewId }, [
            { type: 'strong', children: [text(term.expansion ? `${term.term} (${term.expansion})` : term.term)] },
            text(`: ${term.definition}`),
          ]),
        ]),
      );
      last = match.index + match[0].length;
    }
    if (replacement.length === 0) return undefined;
    replacement.push(text(value.slice(last)));
    const nodes = replacement.filter((n) => n.type !== 'text' || n.value);
    parent.children.splice(index, 1, ...(nodes as typeof parent.children));
    return [SKIP, index + nodes.length];
  });
};

export default glossaryTerms;
