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

const contentChecks: Plugin<[Options], Root> = (options) => (tree, file) => {
  const location = docLocation(file.path, options.siteDir);
  if (!location) return;
  const bibliography = loadBibliography(options.bibliographyPath);
  if (bibliography.problems.some(isError)) throw new ContentError(bibliography.problems.filter(isError), options.siteDir);
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
