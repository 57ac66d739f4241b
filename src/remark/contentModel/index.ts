/**
 * The one remark plugin Docusaurus runs on a docs page: it replaces the
 * tree Docusaurus parsed with the page's prepared tree from the content
 * index, which was parsed, checked and transformed once for the whole
 * build (src/content/prepare.ts). Files the index does not know (such as
 * Markdown pages under src/pages) keep their tree, with raw HTML removed.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { currentSite, type SiteOptions } from '../../content/contentIndex';
import { dropRawHtml } from '../../content/markup';
import { preparePage } from '../../content/prepare';
import { accumulate } from '../../benchmark/timing';

export type Options = SiteOptions;

const contentModel: Plugin<[Options], Root> = (options) => (tree, file) =>
  accumulate('remark: content model (per page)', () => {
    const site = currentSite(options);
    const page = site.pageByFile.get(file.path);
    if (!page) {
      dropRawHtml(tree);
      return;
    }
    tree.children = structuredClone(preparePage(site, page).tree.children);
  });

export default contentModel;
