/**
 * Assembles a course packet: which pages a reading list or an edition
 * contains, in order, and the HTML document the PDF is printed from (cover,
 * table of contents, then each page's article with its label, citations
 * and reference list).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentIndex, type PageSummary } from '../content/contentIndex';
import { editionRoot, listEditions, NEXT_PATH } from '../content/editions';
import { SECTIONS } from '../content/sections';

export interface PacketPage {
  readonly title: string;
  readonly url: string;
  readonly note?: string;
}

export interface Packet {
  readonly title: string;
  readonly edition: string;
  readonly audience?: string;
  readonly objectives: readonly string[];
  readonly pages: readonly PacketPage[];
}

export class PacketError extends Error {}

/** Where an edition's pages are served: the newest at /docs/, Next at /docs/next/, older ones at /docs/<edition>/. */
export function editionBase(siteDir: string, edition: string): string {
  const editions = listEditions(siteDir);
  if (edition === 'current') return editions.length > 0 ? `/docs/${NEXT_PATH}/` : '/docs/';
  return editions[0] === edition ? '/docs/' : `/docs/${edition}/`;
}

export function pageUrl(base: string, docPath: string): string {
  return (base + docPath.replace(/\.md$/, '').replace(/(^|\/)index$/, '')).replace(/\/$/, '') || '/';
}

/** Resolves the edition name a reader typed: an edition, `next`, or nothing for the newest. */
export function resolveEdition(siteDir: string, requested?: string): { version: string; label: string } {
  const editions = listEditions(siteDir);
  if (!requested) return editions[0] ? { version: editions[0], label: editions[0] } : { version: 'current', label: 'Next' };
  if (requested.toLowerCase() === 'next') return { version: 'current', label: 'Next' };
  if (!editions.includes(requested)) {
    throw new PacketError(`unknown edition "${requested}": use one of ${[...editions, 'next'].join(', ')}`);
  }
  return { version: requested, label: requested };
}

export function readingListPacket(siteDir: string, listId: string, requestedEdition?: string): Packet {
  const { version, label } = resolveEdition(siteDir, requestedEdition);
  const root = editionRoot(siteDir, version);
  const pages = loadContentIndex(root);
  const lists = pages.filter((page) => page.pageType === 'reading-list');
  const list = lists.find((page) => page.docPath === `reading-lists/${listId}.md`);
  if (!list) {
    throw new PacketError(`unknown reading list "${listId}" in edition ${label}: use one of ${lists.map((l) => l.docPath.replace(/^reading-lists\/|\.md$/g, '')).join(', ')}, or "edition" for the whole edition`);
  }
  const byPath = new Map(pages.map((page) => [page.docPath, page]));
  const base = editionBase(siteDir, version);
  const seen = new Set<string>();
  const packetPages: PacketPage[] = [];
  for (const reading of list.readings) {
    const page = byPath.get(reading.docPath);
    if (!page || !existsSync(join(root, reading.docPath))) {
      throw new PacketError(`reading list "${listId}" assigns "${reading.docPath}", which is not a page of edition ${label}: correct the list's \`readings\``);
    }
    // A page assigned twice (whole, then a section) is printed once, with both notes.
    const url = pageUrl(base, page.docPath);
    if (seen.has(url)) continue;
    seen.add(url);
    const notes = list.readings.filter((r) => r.docPath === reading.docPath).map((r) => r.note).filter(Boolean);
    packetPages.push({ title: page.title, url, note: notes.join(' ') });
  }
  return { title: list.title, edition: label, audience: list.audience, objectives: list.objectives, pages: packetPages };
}

export function editionPacket(siteDir: string, requestedEdition?: string): Packet {
  const { version, label } = resolveEdition(siteDir, requestedEdition);
  const base = editionBase(siteDir, version);
  const order = (page: PageSummary) => SECTIONS.findIndex((s) => s.id === page.sectionId);
  const pages = loadContentIndex(editionRoot(siteDir, version))
    .filter((page) => page.pageType === 'topic')
    .sort((a, b) => order(a) - order(b) || a.sidebarPosition - b.sidebarPosition);
  return {
    title: `Ketamine Therapy Evidence: edition ${label}`,
    edition: label,
    objectives: [],
    pages: pages.map((page) => ({ title: page.title, url: pageUrl(base, page.docPath) })),
  };
}

const escapeHtml = (value: string) => value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Gives every id and in-page link of one page a prefix, so pages joined in one document do not collide. */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(/\b(id|aria-describedby|aria-labelledby)="([^"]+)"/g, (_, attr: string, value: string) => `${attr}="${value.split(/\s+/).map((v) => `${prefix}-${v}`).join(' ')}"`)
    .replace(/\bhref="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

export function packetHtml(packet: Packet, articles: readonly string[], stylesheets: readonly string[], generated: string): string {
  const toc = packet.pages
    .map((page, i) => `<li><a href="#page-${i + 1}">${escapeHtml(page.title)}</a>${page.note ? `<br><span class="packet-note">${escapeHtml(page.note)}</span>` : ''}</li>`)
    .join('');
  const body = articles
    .map((article, i) => `<section class="packet-page" id="page-${i + 1}"><p class="packet-source">${escapeHtml(packet.pages[i]!.url)}</p>${prefixIds(article, `p${i + 1}`).replace(/<details(?![^>]*\bopen\b)/g, '<details open')}</section>`)
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
