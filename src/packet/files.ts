/**
 * Where a packet's PDF lives, defined once: the PDF command writes it
 * there and the reading-list page links it only when the file exists.
 * Packets are published under /pdf/<edition>/ so every edition keeps its
 * own.
 */
import type { Packet } from './packet';

/** The folder of generated packets, copied into the site by the build when present (never committed). */
export const PACKETS_DIR = '.packets';

export function packetFileName(packet: Pick<Packet, 'id' | 'edition'>): string {
  const edition = packet.edition.toLowerCase().startsWith('next') ? 'next' : packet.edition;
  return `pdf/${edition}/${packet.id}.pdf`;
}
