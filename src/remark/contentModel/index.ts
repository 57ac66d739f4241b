/**
 * The one remark plugin Docusaurus runs on a docs page: it replaces the
 * tree Docusaurus parsed with the page's prepared tree from the content
 * index, which was parsed, checked and transformed once for the whole
 * build (src/content/prepare.ts). Files the index does not know (such as
 * Markdown pages under src/pages) keep their tree, with raw HTML removed.
 *
 * After the page's own text it adds what the build knows about the page:
 * the trust block (src/remark/trustBlock: who wrote and reviewed it) and,
 * on the reading lists' index, the edition's PDF (src/remark/editionPacket).
 * They are page furniture rather than text, so the prepared tree, which
 * tests, JSON-LD and reference downloads read, does not carry them.
 */
import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import { currentSite, type SiteOptions } from '../../content/contentIndex';
import { dropRawHtml } from '../../content/markup';
import { preparePage } from '../../content/prepare';
import editionPacket from '../editionPacket';
import trustBlock from '../trustBlock';

export interface Options extends SiteOptions {
  /**
   * Not read by the plugin. Docusaurus keys its cache of compiled pages on
   * these options, so a fingerprint of the site's inputs
   * (src/content/buildFingerprint.ts) compiles every page again when anything a
   * page is made from changes, not only its own file.
   */
  readonly inputs?: string;
}

const contentModel: Plugin<[Options], Root> = (options) => (tree, file) => {
  const site = currentSite(options);
  const page = site.pageByFile.get(file.path);
  if (!page) {
    dropRawHtml(tree);
    return;
  }
  tree.children = structuredClone(preparePage(site, page).tree.children);
  unified().use(editionPacket, { site, page }).use(trustBlock, { site, page }).runSync(tree);
};

export default contentModel;
