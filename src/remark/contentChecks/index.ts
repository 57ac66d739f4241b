/**
 * Build-time guard: runs the same page checks as the validator on every
 * page as it compiles and stops the build, listing every problem of the
 * page, when any check fails. Nothing wrong is published.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { loadBibliography } from '../../citations/bibliography';
import { checkPage, type PageCheck } from '../../content/checkPage';
import { docLocation } from '../../content/paths';
import { ContentError, isError } from '../../content/problems';

export interface Options {
  readonly bibliographyPath: string;
  readonly siteDir: string;
}

declare module 'vfile' {
  interface DataMap {
    frontMatter: Record<string, unknown>;
    /** The result of the page checks, for the plugins that run after this one. */
    pageCheck: PageCheck;
  }
}

export function frontMatterOf(file: VFile): Record<string, unknown> {
  return file.data.frontMatter ?? {};
}

/** Bibliographies whose problems were already listed in full, so other pages only point to them. */
const reportedBibliographies = new WeakSet<object>();

const contentChecks: Plugin<[Options], Root> = (options) => (tree, file) => {
  const location = docLocation(file.path, options.siteDir);
  if (!location) return;
  const bibliography = loadBibliography(options.bibliographyPath);
  const bibliographyErrors = bibliography.problems.filter(isError);
  if (bibliographyErrors.length > 0) {
    if (reportedBibliographies.has(bibliography)) {
      throw new Error(`the bibliography has ${bibliographyErrors.length} error(s), listed above; run \`npm run validate\` to see them`);
    }
    reportedBibliographies.add(bibliography);
    throw new ContentError(bibliographyErrors, options.siteDir);
  }
  const result = checkPage(tree, {
    file: file.path,
    docPath: location.docPath,
    source: String(file.value),
    frontMatter: frontMatterOf(file),
    bibliography,
  });
  const errors = result.problems.filter(isError);
  if (errors.length > 0) throw new ContentError(errors, options.siteDir);
  file.data.pageCheck = result;
};

export default contentChecks;
