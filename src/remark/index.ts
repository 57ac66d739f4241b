/**
 * The site's remark plugins in the order they must run: check the page,
 * expand generated blocks, add the page header, render findings tables,
 * link glossary terms, then number the citations (last, so citations added by earlier steps are
 * numbered too).
 */
import type { PluggableList } from 'unified';
import citations from './citations';
import contentChecks from './contentChecks';
import findings from './findings';
import generatedBlocks from './generatedBlocks';
import glossaryTerms from './glossaryTerms';
import pageHeader from './pageHeader';

export interface ContentPluginOptions {
  readonly bibliographyPath: string;
  readonly siteDir: string;
  /** The date reviews are judged against; today unless a test fixes it. */
  readonly today?: () => Date;
}

export function contentRemarkPlugins(options: ContentPluginOptions): PluggableList {
  return [
    [contentChecks, options],
    [generatedBlocks, options],
    [pageHeader, options],
    findings,
    [glossaryTerms, options],
    [citations, options],
  ];
}
