import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionBase, packetHtml, pageUrl, PacketError, prefixIds, readingListPacket } from '../packet';
import { resolveBuildFile } from '../staticServer';

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'packet-'));
  const page = (path: string, text: string) => {
    mkdirSync(join(dir, 'docs', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'docs', path), text);
  };
  page('conditions/ptsd.md', '---\ntitle: PTSD\n---\nWords here.\n');
  page('reading-lists/good.md', '---\ntitle: Good list\npage_type: reading-list\naudience: Residents\nobjectives: [Know PTSD]\nreadings:\n  - page: ../conditions/ptsd.md\n    note: Read it.\n---\n');
  page('reading-lists/broken.md', '---\ntitle: Broken list\npage_type: reading-list\nreadings:\n  - page: ../conditions/missing.md\n    note: Gone.\n---\n');
  return dir;
}

describe('course packets', () => {
  it('list a reading list’s pages at the edition’s addresses, with notes, audience and objectives', () => {
    const packet = readingListPacket(site(), 'good');
    expect(packet).toMatchObject({ title: 'Good list', edition: 'Next', audience: 'Residents', objectives: ['Know PTSD'] });
    expect(packet.pages).toEqual([{ title: 'PTSD', url: '/docs/conditions/ptsd', note: 'Read it.' }]);
  });

  it('fail clearly on an unknown list or a page the list assigns that does not exist', () => {
    const dir = site();
    expect(() => readingListPacket(dir, 'nope')).toThrow(PacketError);
    expect(() => readingListPacket(dir, 'nope')).toThrow('unknown reading list "nope" in edition Next: use one of broken, good');
    expect(() => readingListPacket(dir, 'broken')).toThrow('assigns "conditions/missing.md", which is not a page of edition Next');
  });

  it('map edition and page paths to URLs', () => {
    expect(editionBase(site(), 'current')).toBe('/docs/');
    expect(pageUrl('/docs/next/', 'conditions/index.md')).toBe('/docs/next/conditions');
  });

  it('keep ids and in-page links of joined pages apart', () => {
    expect(prefixIds('<li id="ref-a"><a href="#ref-a" aria-describedby="x y">1</a></li>', 'p2')).toBe(
      '<li id="p2-ref-a"><a href="#p2-ref-a" aria-describedby="p2-x p2-y">1</a></li>',
    );
  });

  it('open collapsed blocks and put a cover and contents before the pages', () => {
    const html = packetHtml({ title: 'T', edition: '2026.1', objectives: [], pages: [{ title: 'A', url: '/a' }] }, ['<details><summary>Cite</summary>x</details>'], ['/s.css'], '2026-11-21');
    expect(html).toContain('<details open>');
    expect(html.indexOf('<h2>Contents</h2>')).toBeLessThan(html.indexOf('class="packet-page"'));
    expect(html).toContain('<link rel="stylesheet" href="/s.css">');
  });

  it('serve Docusaurus URLs from the build folder and nothing outside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.html'), 'x');
    writeFileSync(join(dir, 'index.html'), 'x');
    expect(resolveBuildFile(dir, '/docs/a')).toBe(join(dir, 'docs', 'a.html'));
    expect(resolveBuildFile(dir, '/')).toBe(join(dir, 'index.html'));
    expect(resolveBuildFile(dir, '/../../etc/passwd')).toBeUndefined();
  });
});
