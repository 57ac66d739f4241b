// cspell:ignore endobj -- PDF syntax in the fixture packets.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describePacket, editionPacketFile, pdfPageCount, readingListPacketFile, readPackets, staticDirectories } from '../files';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('packet files', () => {
  it('are named by edition and list, as the PDF command writes them and the pages link them', () => {
    expect(readingListPacketFile('2026.1', 'reading-lists/trd-primer.md')).toBe('pdf/2026.1/trd-primer.pdf');
    expect(readingListPacketFile('current', 'reading-lists/trd-primer.md')).toBe('pdf/next/trd-primer.pdf');
    expect(editionPacketFile('2026.1')).toBe('pdf/2026.1/edition-2026.1.pdf');
    expect(editionPacketFile('current')).toBe('pdf/next/edition-nextdraft.pdf');
  });

  it('count the pages of a PDF from its page objects, and admit when they cannot', () => {
    const pdf =
      '%PDF-1.4\n2 0 obj << /Type /Pages /Count 3 >> endobj\n3 0 obj << /Type /Page >> endobj\n4 0 obj <</Type/Page>> endobj\n5 0 obj << /Type /Page /Parent 2 0 R >> endobj\n';
    expect(pdfPageCount(Buffer.from(pdf, 'latin1'))).toBe(3);
    expect(pdfPageCount(Buffer.from('%PDF-1.5\n1 0 obj << /Type /ObjStm >> stream\nx\nendstream', 'latin1'))).toBeUndefined();
  });

  it('describe their size the way a reader weighs a download', () => {
    expect(describePacket({ file: 'a.pdf', bytes: 555_000, pages: 28 })).toBe('28 pages, 542 KB');
    expect(describePacket({ file: 'a.pdf', bytes: 3_500_000, pages: 1 })).toBe('1 page, 3.3 MB');
    expect(describePacket({ file: 'a.pdf', bytes: 200 })).toBe('1 KB');
  });

  it('are found in the packets folder, and the folder is published only when it exists', () => {
    const site = mkdtempSync(join(tmpdir(), 'packets-'));
    temporary.push(site);
    expect(readPackets(join(site, '.packets')).size).toBe(0);
    expect(staticDirectories(site)).toEqual(['static']);
    mkdirSync(join(site, '.packets', 'pdf', '2026.1'), { recursive: true });
    writeFileSync(join(site, '.packets', 'pdf', '2026.1', 'list.pdf'), '%PDF-1.4 << /Type /Page >>');
    writeFileSync(join(site, '.packets', 'pdf', '2026.1', 'notes.txt'), 'not a packet');
    expect([...readPackets(join(site, '.packets')).values()]).toEqual([{ file: 'pdf/2026.1/list.pdf', bytes: 26, pages: 1 }]);
    expect(staticDirectories(site)).toEqual(['static', '.packets']);
  });
});
