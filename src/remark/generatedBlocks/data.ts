/**
 * Generated blocks that render the site's data files (trial syntheses,
 * label facts): each names the attributes it takes, checks them against the
 * data when a page is validated, and renders from the content index.
 */
import type { RootContent } from 'mdast';
import type { ContentRoot, SiteIndex } from '../../content/contentIndex';
import type { PageModel } from '../../content/page';

export interface BlockContext {
  readonly site: SiteIndex;
  readonly page: PageModel;
  readonly root: ContentRoot;
  readonly attributes: Record<string, string | null | undefined>;
}

export interface DataBlock {
  /** What the block is, for the list of blocks in messages and CONTRIBUTING.md. */
  readonly description: string;
  /** The fix when the attributes do not name existing data; undefined when they do. */
  check(site: Partial<SiteIndex>, attributes: Record<string, string | null | undefined>): string | undefined;
  render(context: BlockContext): RootContent[];
}

import { labelFactBlock, labelFactsBlock, quickFactsBlock } from './labelFacts';
import { synthesisBlock } from './synthesis';

export const DATA_BLOCKS: Readonly<Record<string, DataBlock>> = {
  synthesis: synthesisBlock,
  'label-facts': labelFactsBlock,
  'label-fact': labelFactBlock,
  'quick-facts': quickFactsBlock,
};
