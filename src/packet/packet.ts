/**
 * Assembles a course packet: which pages a reading list or an edition
 * contains, in order (from the content index), their addresses (from the
 * build's page manifest), and the HTML document the PDF is printed from:
 * cover, contents, then each page's article with its label, citations and
 * reference list, every internal link printed with its full address.
 */
import type { SiteIndex } from '../content/contentIndex';
import { listEditions, NEXT_PATH, versionLabel } from '../content/editions';
import { resolveDocPath } from '../content/page';
import { assignedPages } from '../content/readingTime';
import { SECTIONS } from '../content/sections';
import { findPage, type BuiltPage } from '../content/urls';
import { editionPacketId, readingListId } from './files';

export interface PacketPage {
  readonly title: string;
  /** The path the page is served at (base URL included). */
  readonly permalink: string;
  /** The page's full, permanent address. */
  readonly url: string;
  readonly note?: string;
}

export interface Packet {
  readonly id: string;
  readonly title: string;
  readonly edition: string;
  readonly audience?: string;
  readonly objectives: readonly string[];
  readonly pages: readonly PacketPage[];
}

export class PacketError extends Error {}

/** Resolves the edition a reader typed: an edition, `next`, or nothing for the newest. */
export function resolveEdition(siteDir: string, requested?: string): string {
  const editions = listEditions(siteDir);
  if (!requested) return editions[0] ?? 'current';
  if (requested.toLowerCase() === NEXT_PATH) return 'current';
  if (!editions.includes(requested)) throw new PacketError(`unknown edition "${requested}": use one of ${[...editions, NEXT_PATH].join(', ')}`);
  return requested;
}

function built(manifest: readonly BuiltPage[], version: string, docPath: string): BuiltPage {
  const page = findPage(manifest, version, docPath);
  if (!page)
    throw new PacketError(
      `the page ${docPath} of edition ${versionLabel(version)} is not in the build: rebuild the site (npm run build), with that edition included`,
    );
  return page;
}

/** Reading lists of an edition, by id (the file name without .md). */
export function readingListIds(site: SiteIndex, version: string): string[] {
  const root = site.roots.find((r) => r.version === version);
  return (root?.pages ?? []).filter((page) => page.frontMatter.page_type === 'reading-list').map((page) => readingListId(page.docPath));
}

export function readingListPacket(site: SiteIndex, manifest: readonly BuiltPage[], listId: string, version: string): Packet {
  const root = site.roots.find((r) => r.version === version);
  const list = root?.byDocPath.get(`reading-lists/${listId}.md`);
  if (!root || !list || list.frontMatter.page_type !== 'reading-list') {
    throw new PacketError(
      `unknown reading list "${listId}" in edition ${versionLabel(version)}: use one of ${readingListIds(site, version).join(', ')}, or "edition" for the whole edition`,
    );
  }
  const notes = new Map<string, string[]>();
  for (const reading of list.frontMatter.readings ?? []) {
    const docPath = resolveDocPath(list, reading.page);
    notes.set(docPath, [...(notes.get(docPath) ?? []), reading.note]);
  }
  const pages = assignedPages(list, root).map((page) => {
    const entry = built(manifest, version, page.docPath);
    return { title: entry.title, permalink: entry.permalink, url: entry.url, note: notes.get(page.docPath)?.join(' ') };
  });
  return {
    id: listId,
    title: list.frontMatter.title,
    edition: versionLabel(version),
    audience: list.frontMatter.audience,
    objectives: list.frontMatter.objectives ?? [],
    pages,
  };
}

export function editionPacket(site: SiteIndex, manifest: readonly BuiltPage[], version: string): Packet {
  const root = site.roots.find((r) => r.version === version);
  if (!root) throw new PacketError(`edition ${versionLabel(version)} has no pages`);
  const order = (sectionId?: string) => SECTIONS.findIndex((s) => s.id === sectionId);
  const topics = root.pages.filter((page) => page.frontMatter.page_type === 'topic').sort((a, b) => order(a.sectionId) - order(b.sectionId));
  return {
    id: editionPacketId(version),
    title: `Ketamine Therapy Evidence: edition ${versionLabel(version)}`,
    edition: versionLabel(version),
    objectives: [],
    pages: topics.map((page) => {
      const entry = built(manifest, version, page.docPath);
      return { title: entry.title, permalink: entry.permalink, url: entry.url };
    }),
  };
}

const escapeHtml = (value: string) => value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Gives every id and in-page link of one page a prefix, so pages joined in one document do not collide. */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(
      /\b(id|aria-describedby|aria-labelledby)="([^"]+)"/g,
      (_, attr: string, value: string) =>
        `${attr}="${value
          .split(/\s+/)
          .map((v) => `${prefix}-${v}`)
          .join(' ')}"`,
    )
    .replace(/\bhref="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

/** Internal links become full addresses, so a printed packet shows where each one leads. */
export function absoluteLinks(html: string, origin: string): string {
  return html.replace(/\bhref="(\/[^"]*)"/g, (_, path: string) => `href="${origin}${path}"`);
}

export function packetHtml(packet: Packet, articles: readonly string[], stylesheets: readonly string[], generated: string): string {
  const origin = packet.pages[0] ? packet.pages[0].url.slice(0, packet.pages[0].url.length - packet.pages[0].permalink.length) : '';
  const toc = packet.pages
    .map(
      (page, i) =>
        `<li><a href="#page-${i + 1}">${escapeHtml(page.title)}</a>${page.note ? `<br><span class="packet-note">${escapeHtml(page.note)}</span>` : ''}</li>`,
    )
    .join('');
  const body = articles
    .map(
      (article, i) =>
        `<section class="packet-page" id="page-${i + 1}"><p class="packet-source">${escapeHtml(packet.pages[i]!.url)}</p>${absoluteLinks(prefixIds(article, `p${i + 1}`), origin).replace(/<details(?![^>]*\bopen\b)/g, '<details open')}</section>`,
    )
    .join('');
  return `<!doctype html><html lang="en" data-theme="light"><head><meta charset="utf-8"><title>${escapeHtml(packet.title)}</title>
${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
<style>
  .packet-cover { min-height: 85vh; display: flex; flex-direction: column; justify-content: center; }
  .packet-cover h1 { font-size: 26pt; }
  .packet-page { break-before: page; }
  .packet-source, .packet-note { color: #444; font-size: 9pt; }
  .packet-toc { break-before: page; }
  body { padding: 0 4mm; }
</style></head><body>
<section class="packet-cover"><h1>${escapeHtml(packet.title)}</h1>
<p><strong>Edition:</strong> ${escapeHtml(packet.edition)}</p>
<p><strong>Printed:</strong> ${escapeHtml(generated)}</p>
${packet.audience ? `<p><strong>Audience:</strong> ${escapeHtml(packet.audience)}</p>` : ''}
${packet.objectives.length ? `<p><strong>Learning objectives</strong></p><ul>${packet.objectives.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` : ''}
<p>Ketamine Therapy Evidence. Each page shows its evidence label, numbered citations and reference list. For health professionals; not medical advice.</p></section>
<section class="packet-toc"><h2>Contents</h2><ol>${toc}</ol></section>
<main class="markdown">${body}</main></body></html>`;
}
