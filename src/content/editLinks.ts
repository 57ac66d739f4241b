/**
 * Where "Edit this page" leads, defined once. Every edition's page is
 * edited in docs/, where the next edition is written (a published edition
 * is frozen). There is no edit link when there is nothing to edit there:
 * when the docs/ file no longer exists (the page was removed or renamed
 * after the edition was cut), or when the page is generated.
 *
 * A page is generated when its body is made by a generated block from
 * other pages or data files (evidence map, bibliography, glossary, what
 * changed, review queue) and it has little prose of its own: fewer than
 * GENERATED_PAGE_MAX_WORDS words. Editing such a file changes only its
 * introduction; the fix belongs in the pages or data it is made from.
 * A reading list is not generated: its `::reading-list` block renders the
 * list's own front matter, which is what a contributor edits.
 */
import type { SiteIndex } from './contentIndex';
import type { PageModel } from './page';

export const GENERATED_PAGE_MAX_WORDS = 100;
/** Blocks that render the page's own front matter rather than other pages or data. */
const OWN_CONTENT_BLOCKS: ReadonlySet<string> = new Set(['reading-list']);

export function isGeneratedPage(page: Pick<PageModel, 'blocks' | 'words'>): boolean {
  return page.blocks.some((name) => !OWN_CONTENT_BLOCKS.has(name)) && page.words < GENERATED_PAGE_MAX_WORDS;
}

/** The repository address that edits a page of any edition, or undefined when there is none (see above). */
export function editUrlFor(site: SiteIndex, repositoryUrl: string, docPath: string): string | undefined {
  const source = site.roots.find((root) => root.version === 'current')?.byDocPath.get(docPath);
  if (!source || isGeneratedPage(source)) return undefined;
  return `${repositoryUrl}/edit/main/docs/${docPath}`;
}
