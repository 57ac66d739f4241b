/**
 * The reading lists' index page links the PDF of the whole edition when the
 * PDF command has made it (as each reading list links its own, from the
 * `::reading-list` block). The index is found by its place, so every
 * edition's index links its packet, including editions cut before the link
 * existed, without editing their frozen text.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { SiteIndex } from '../../content/contentIndex';
import { versionLabel } from '../../content/editions';
import type { PageModel } from '../../content/page';
import { editionPacketFile } from '../../packet/files';
import { packetLink } from '../generatedBlocks';

export interface Options {
  readonly site: SiteIndex;
  readonly page: PageModel;
}

export const READING_LISTS_INDEX = 'reading-lists/index.md';

const editionPacket: Plugin<[Options], Root> =
  ({ site, page }) =>
  (tree) => {
    if (page.docPath !== READING_LISTS_INDEX) return;
    const packet = site.packets.get(editionPacketFile(page.version));
    const label = page.version === 'current' ? 'Download the whole draft (Next) as a PDF' : `Download the whole edition ${versionLabel(page.version)} as a PDF`;
    if (packet) tree.children.push(packetLink(packet, label));
  };

export default editionPacket;
