/**
 * `npm run pdf -- <reading-list-id | edition> [--edition 2026.1|next] [--out file.pdf]`
 * `npm run pdf -- --all [--out-dir packets]`
 *
 * Turns a reading list, or a whole edition, into one PDF (cover, contents,
 * every page with its label, citations and references, internal links
 * printed with their addresses), using the system Chromium and the built
 * site. Run `npm run build` first. `--all` writes a packet for every
 * reading list of every built edition and one for each edition, named as
 * the site links them (see src/packet/files.ts); the deploy workflow runs
 * it and builds again so the reading-list pages link their PDFs.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { loadSite, type SiteIndex } from '../content/contentIndex';
import { listEditions } from '../content/editions';
import { SITE_DIR } from '../content/paths';
import { readManifest, type BuiltPage } from '../content/urls';
import { packetFileName } from '../packet/files';
import { editionPacket, PacketError, packetHtml, readingListIds, readingListPacket, resolveEdition, type Packet } from '../packet/packet';
import { launchChromium } from '../tools/browser';
import { serveBuild, type Served } from '../tools/serve';

class UsageError extends Error {}

async function printPacket(page: Page, server: Served, packet: Packet, out: string): Promise<void> {
  const articles: string[] = [];
  let stylesheets: string[] = [];
  for (const [index, entry] of packet.pages.entries()) {
    console.log(`pdf: [${index + 1}/${packet.pages.length}] ${entry.permalink}`);
    const response = await page.goto(`${server.origin}${entry.permalink}`, { waitUntil: 'load' });
    if (!response || response.status() !== 200)
      throw new PacketError(`the page ${entry.permalink} is not in the build (HTTP ${response?.status()}): rebuild the site`);
    articles.push(await page.locator('article').first().innerHTML());
    if (stylesheets.length === 0)
      stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  }
  await page.goto(`${server.origin}${server.baseUrl}`);
  await page.setContent(packetHtml(packet, articles, stylesheets, new Date().toISOString().slice(0, 10)), { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  mkdirSync(dirname(out), { recursive: true });
  await page.pdf({
    path: out,
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${packet.title.replace(/</g, '&lt;')}: edition ${packet.edition.replace(/</g, '&lt;')}</div>`,
    footerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center;color:#555">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    margin: { top: '18mm', bottom: '16mm', left: '12mm', right: '12mm' },
  });
  console.log(`pdf: wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
}

function packetsFor(site: SiteIndex, manifest: readonly BuiltPage[], target: string | undefined, options: { edition?: string; all?: boolean }): Packet[] {
  if (options.all) {
    const built = new Set(manifest.map((page) => page.version));
    const versions = [...listEditions(SITE_DIR), 'current'].filter((version) => built.has(version));
    return versions.flatMap((version) => [
      ...readingListIds(site, version).map((id) => readingListPacket(site, manifest, id, version)),
      editionPacket(site, manifest, version),
    ]);
  }
  if (!target)
    throw new UsageError(
      'name a reading list (e.g. trd-primer-for-residents), "edition", or --all: npm run pdf -- <list-id|edition> [--edition 2026.1] [--out packet.pdf]',
    );
  const version = resolveEdition(SITE_DIR, options.edition);
  return [target === 'edition' ? editionPacket(site, manifest, version) : readingListPacket(site, manifest, target, version)];
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { edition: { type: 'string' }, out: { type: 'string' }, all: { type: 'boolean' }, 'out-dir': { type: 'string' } },
  });
  const buildDir = join(SITE_DIR, 'build');
  const manifest = readManifest(buildDir);
  const site = loadSite({ siteDir: SITE_DIR });
  const packets = packetsFor(site, manifest, positionals[0], values);
  const first = manifest[0]?.permalink ?? '/docs';
  const baseUrl = first.slice(0, first.indexOf('docs/')) || '/';
  const server = await serveBuild(buildDir, baseUrl);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const packet of packets) {
      console.log(`pdf: ${packet.title} (edition ${packet.edition}), ${packet.pages.length} pages`);
      const out =
        values.all || values['out-dir']
          ? join(resolve(values['out-dir'] ?? 'packets'), packetFileName(packet))
          : resolve(values.out ?? packetFileName(packet).split('/').pop()!);
      await printPacket(page, server, packet, out);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  // Known mistakes (no build, unknown list, missing browser) are one line; nothing else is expected here.
  console.error(`pdf: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
