/**
 * Links the first use of each glossary term on a page to its glossary
 * entry and shows the definition on hover, focus or tap. The link works
 * without JavaScript; the preview is drawn by CSS and the term panel.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { SiteIndex } from '../../content/contentIndex';
import type { PageModel } from '../../content/page';
import { termPattern } from '../../glossary/glossary';
import { linkTo, rootOf } from '../generatedBlocks';
import { inline, text } from '../shared/nodes';

export interface Options {
  readonly site: SiteIndex;
  readonly page: PageModel;
}

export const GLOSSARY_DOC = 'reference/glossary.md';

/** Nodes whose text is never linked: headings, existing links, citations, code and math. */
const SKIPPED = new Set(['heading', 'link', 'linkReference', 'cite', 'code', 'inlineCode', 'math', 'inlineMath', 'yaml']);

const glossaryTerms: Plugin<[Options], Root> =
  ({ site, page }) =>
  (tree) => {
    const glossaryPage = rootOf(site, page).byDocPath.get(GLOSSARY_DOC);
    if (!glossaryPage || page === glossaryPage || site.glossary.length === 0) return;
    const { pattern, byMatch } = termPattern(site.glossary);
    const used = new Set<string>();

    visit(tree, (node, index, parent?: Parent) => {
      if (SKIPPED.has(node.type)) return SKIP;
      // Generated blocks (label, figures) carry hName; their text is not prose.
      if ((node.data as { hName?: string } | undefined)?.hName && node.type !== 'blockquote') return SKIP;
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
        const link = linkTo(page, glossaryPage, match[0], term.id);
        link.data = { hProperties: { ariaDescribedBy: [previewId], className: ['glossary-term__link'], dataGlossaryTerm: term.id } };
        replacement.push(
          inline('span', { className: ['glossary-term'] }, [
            link,
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
