/**
 * Where a packet's PDF lives, defined once: the PDF command writes it
 * there and the reading-list page links it only when the file exists.
 * Packets are published under /pdf/<edition>/ so every edition keeps its
 * own.
 *
 * The build copies the packets folder into the site when it exists (as a
 * Docusaurus static directory), and the content index reads which packets
 * exist, with their size and page count, once per build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { versionLabel } from '../content/editions';
import type { Packet } from './packet';

/** The folder of generated packets, copied into the site by the build when present (never committed). */
export const PACKETS_DIR = '.packets';

/** The static folder every build publishes. */
const STATIC_DIR = 'static';

export function packetFileName(packet: Pick<Packet, 'id' | 'edition'>): string {
  const edition = packet.edition.toLowerCase().startsWith('next') ? 'next' : packet.edition;
  return `pdf/${edition}/${packet.id}.pdf`;
}

/** A reading list's id is its file name: `reading-lists/trd-primer.md` → `trd-primer`. */
export const readingListId = (docPath: string): string => docPath.replace(/^reading-lists\//, '').replace(/\.md$/, '');

/** The id of a whole edition's packet: `edition-2026.1`, or `edition-nextdraft` for Next. */
export const editionPacketId = (version: string): string =>
  `edition-${versionLabel(version)
    .replace(/[^a-z0-9.]/gi, '')
    .toLowerCase()}`;

/** The published file of a reading list's packet, e.g. `pdf/2026.1/trd-primer.pdf`. */
export const readingListPacketFile = (version: string, docPath: string): string =>
  packetFileName({ id: readingListId(docPath), edition: versionLabel(version) });

/** The published file of an edition's packet, e.g. `pdf/2026.1/edition-2026.1.pdf`. */
export const editionPacketFile = (version: string): string => packetFileName({ id: editionPacketId(version), edition: versionLabel(version) });

/** A packet the PDF command has written: its published path, size and number of pages. */
export interface PacketFile {
  /** Relative to the packets folder and to the site root, e.g. `pdf/2026.1/trd-primer.pdf`. */
  readonly file: string;
  readonly bytes: number;
  /** Undefined when the PDF does not say plainly; the link then gives the size only. */
  readonly pages?: number;
}

/**
 * The number of pages of a PDF, from its page objects. No PDF library is
 * installed and the packets come from one writer (Chromium, whose Skia
 * backend writes every page object uncompressed), so counting the
 * `/Type /Page` dictionaries is exact for them; for a PDF that hides its
 * objects in compressed streams the count is unknown rather than wrong.
 */
export function pdfPageCount(pdf: Buffer): number | undefined {
  const count = pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  return count > 0 ? count : undefined;
}

/** Every packet in the packets folder, by published path; empty when the folder does not exist. */
export function readPackets(packetsDir: string): Map<string, PacketFile> {
  const packets = new Map<string, PacketFile>();
  if (!existsSync(packetsDir)) return packets;
  for (const entry of readdirSync(packetsDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.pdf')) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(packetsDir, path).split(sep).join('/');
    packets.set(file, { file, bytes: statSync(path).size, pages: pdfPageCount(readFileSync(path)) });
  }
  return packets;
}

/** "27 pages, 521 KB": what a reader downloads. */
export function describePacket(packet: PacketFile): string {
  const size = packet.bytes >= 1024 * 1024 ? `${(packet.bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(packet.bytes / 1024))} KB`;
  return packet.pages ? `${packet.pages} page${packet.pages === 1 ? '' : 's'}, ${size}` : size;
}

/**
 * Docusaurus's `staticDirectories`: the site's static folder, plus the
 * packets folder once the PDF command has written it, so the build copies
 * each packet to the address its reading list links.
 */
export function staticDirectories(siteDir: string): string[] {
  return existsSync(join(siteDir, PACKETS_DIR)) ? [STATIC_DIR, PACKETS_DIR] : [STATIC_DIR];
}
