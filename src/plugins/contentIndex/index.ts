/**
 * Builds the content index once per build (src/content/contentIndex.ts):
 * every page of every edition parsed, checked and prepared, the
 * bibliography and data files loaded. Every content problem is reported
 * here, from one place, before anything is compiled; the build stops with
 * the full list when any is an error, so nothing wrong is published.
 */
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { loadSite, setCurrentSite, type SiteOptions } from '../../content/contentIndex';
import { preparePage } from '../../content/prepare';
import { ContentError, formatProblem, isError } from '../../content/problems';
import { timed } from '../../benchmark/timing';

export interface Options {
  readonly paths?: SiteOptions['paths'];
  /**
   * Stop the build on content errors. Only the security tests turn this
   * off, to prove the sanitizer and the Content-Security-Policy hold on
   * their own when the checks are bypassed.
   */
  readonly failOnProblems: boolean;
}

export default function contentIndex(context: LoadContext, options: Options): Plugin {
  return {
    name: 'content-index',
    getPathsToWatch() {
      return [join(context.siteDir, 'docs/**/*.md'), join(context.siteDir, 'versioned_docs/**/*.md'), join(context.siteDir, 'src/data/**/*'), join(context.siteDir, 'src/citations/*.csl')];
    },
    async loadContent() {
      const site = timed('content index: read and check', () => loadSite({ siteDir: context.siteDir, paths: options.paths }));
      setCurrentSite(site);
      timed('content index: prepare pages', () => {
        for (const page of site.pageByFile.values()) preparePage(site, page);
      });
      const errors = site.problems.filter(isError);
      for (const warning of site.problems.filter((p) => !isError(p))) console.warn(`[content] ${formatProblem(warning, context.siteDir)}`);
      if (errors.length > 0) {
        if (options.failOnProblems) throw new ContentError(errors, context.siteDir);
        console.error(`[content] checks bypassed: ${errors.length} error(s) ignored; this build must not be published`);
      }
      return site;
    },
  };
}
