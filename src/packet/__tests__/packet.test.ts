import { describe, expect, it } from 'vitest';
import type { BuiltPage } from '../../content/urls';
import { fixtureSite } from '../../test/pipeline';
import { packetFileName } from '../files';
import { absoluteLinks, editionPacket, packetHtml, PacketError, prefixIds, readingListPacket, resolveEdition } from '../packet';
import { serveBuild } from '../../tools/serve';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const site = fixtureSite();
const built = (docPath: string, title: string): BuiltPage => ({
  url: `https://example.org/sub/docs/next/${docPath.replace(/\.md$/, '')}`,
  permalink: `/sub/docs/next/${docPath.replace(/\.md$/, '')}`,
  title,
  description: '',
  version: 'current',
  edition: 'Next (draft)',
  docPath,
  pageType: 'topic',
  lastReviewed: '2026-01-15',
  citedKeys: [],
  canonical: '',
});
const manifest = [
  built('conditions/example.md', 'Example condition'),
  built('regulation/approvals.md', 'Example approvals'),
  built('reference/map.md', 'Fixture map'),
];

describe('course packets', () => {
  it('take an edition’s pages from the content index and their addresses from the build manifest', () => {
    const packet = editionPacket(site, manifest, 'current');
    expect(packet.pages.map((p) => [p.title, p.permalink])).toEqual([
      ['Example condition', '/sub/docs/next/conditions/example'],
      ['Example approvals', '/sub/docs/next/regulation/approvals'],
    ]);
    expect(packetFileName(packet)).toBe('pdf/next/edition-nextdraft.pdf');
  });

  it('fail clearly on an unknown list, an unknown edition or a page missing from the build', () => {
    expect(() => readingListPacket(site, manifest, 'nope', 'current')).toThrow(PacketError);
    expect(() => readingListPacket(site, manifest, 'nope', 'current')).toThrow(
      'unknown reading list "nope" in edition Next (draft): use one of , or "edition" for the whole edition',
    );
    expect(() => resolveEdition(site.paths.siteDir, '1999.1')).toThrow('unknown edition "1999.1": use one of next');
    expect(() => editionPacket(site, manifest.slice(1), 'current')).toThrow('the page conditions/example.md of edition Next (draft) is not in the build');
  });

  it('keep ids and in-page links of joined pages apart', () => {
    expect(prefixIds('<li id="ref-a"><a href="#ref-a" aria-describedby="x y">1</a></li>', 'p2')).toBe(
      '<li id="p2-ref-a"><a href="#p2-ref-a" aria-describedby="p2-x p2-y">1</a></li>',
    );
  });

  it('print internal links with their full address', () => {
    expect(absoluteLinks('<a href="/sub/docs/next/x">x</a> <a href="#y">y</a>', 'https://example.org')).toBe(
      '<a href="https://example.org/sub/docs/next/x">x</a> <a href="#y">y</a>',
    );
  });

  it('open collapsed blocks and put a cover and contents before the pages', () => {
    const html = packetHtml(
      { id: 't', title: 'T', edition: '2026.1', objectives: [], pages: [{ title: 'A', permalink: '/a', url: 'https://x.org/a' }] },
      ['<details><summary>Cite</summary><a href="/b">b</a></details>'],
      ['/s.css'],
      '2026-11-21',
    );
    expect(html).toContain('<details open>');
    expect(html).toContain('<a href="https://x.org/b">b</a>');
    expect(html.indexOf('<h2>Contents</h2>')).toBeLessThan(html.indexOf('class="packet-page"'));
  });
});

describe('the static server', () => {
  it('serves a build under its base URL with clean URLs, and nothing outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.html'), 'page a');
    writeFileSync(join(dir, 'index.html'), 'home');
    const server = await serveBuild(dir, '/sub/');
    try {
      expect(await (await fetch(`${server.origin}/sub/docs/a`)).text()).toBe('page a');
      expect((await fetch(`${server.origin}/docs/a`)).status).toBe(404);
      expect((await fetch(`${server.origin}/sub/../../etc/passwd`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
