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
 *
 * So that Docusaurus does not parse those pages a second time only for the
 * tree to be replaced, `skipIndexedMarkdown` (its Markdown preprocessor)
 * hands it an empty body for every file the index prepared; Docusaurus
 * reads front matter from the file itself, before preprocessing.
 */
import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import { currentSite, type SiteOptions } from '../../content/contentIndex';
import { dropRawHtml } from '../../content/markup';
import type { PageModel } from '../../content/page';
import { preparePage, preparePageAgain } from '../../content/prepare';
import { accumulate } from '../../benchmark/timing';
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

/**
 * Pages whose prepared tree was handed to the MDX compiler. The compiler
 * changes the tree it is given (heading ids, table of contents), and in a
 * build each page is compiled once (Docusaurus Faster shares one
 * compilation between the client and server bundles), so the first compile
 * takes the cached tree's nodes themselves rather than a deep copy; a later
 * compile of the same page (the dev server) gets a fresh preparation. The
 * list of children is copied, so the page furniture appended below never
 * reaches the prepared tree.
 */
const handedOn = new WeakSet<PageModel>();

const contentModel: Plugin<[Options], Root> = (options) => (tree, file) =>
  accumulate('remark: content model (per page)', () => {
    const site = currentSite(options);
    const page = site.pageByFile.get(file.path);
    if (!page) {
      dropRawHtml(tree);
      return;
    }
    if (handedOn.has(page)) {
      tree.children = preparePageAgain(site, page).tree.children;
    } else {
      handedOn.add(page);
      tree.children = [...preparePage(site, page).tree.children];
    }
    unified().use(editionPacket, { site, page }).use(trustBlock, { site, page }).runSync(tree);
  });

/** Docusaurus's `markdown.preprocessor`: an empty body for pages whose prepared tree `contentModel` will put in. */
export function skipIndexedMarkdown(options: Options): (args: { filePath: string; fileContent: string }) => string {
  return ({ filePath, fileContent }) => (currentSite(options).pageByFile.has(filePath) ? '' : fileContent);
}

export default contentModel;
