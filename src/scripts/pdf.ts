/**
 * `npm run pdf -- <reading-list-id | edition> [--edition 2026.1|next] [--out file.pdf]`
 *
 * Turns a reading list, or a whole edition, into one PDF (cover, contents,
 * every page with its label, citations and references), using the system
 * Chromium and the built site. Run `npm run build` first.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { SITE_DIR } from '../content/paths';
import { editionPacket, PacketError, packetHtml, readingListPacket } from '../packet/packet';
import { serveBuild } from '../packet/staticServer';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function fail(message: string): never {
  console.error(`pdf: ${message}`);
  process.exit(1);
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { edition: { type: 'string' }, out: { type: 'string' } } });
  const target = positionals[0];
  if (!target) fail('name a reading list (e.g. trd-primer-for-residents) or "edition": npm run pdf -- <list-id|edition> [--edition 2026.1] [--out packet.pdf]');
  const buildDir = join(SITE_DIR, 'build');
  if (!existsSync(join(buildDir, 'index.html'))) fail('no built site in build/: run `npm run build` first');
  if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);

  let packet;
  try {
    packet = target === 'edition' ? editionPacket(SITE_DIR, values.edition) : readingListPacket(SITE_DIR, target, values.edition);
  } catch (error) {
    if (error instanceof PacketError) fail(error.message);
    throw error;
  }
  const out = resolve(values.out ?? `${target === 'edition' ? `edition-${packet.edition}` : target}.pdf`);
  console.log(`pdf: ${packet.title} (edition ${packet.edition}), ${packet.pages.length} pages`);

  const server = await serveBuild(buildDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const articles: string[] = [];
    let stylesheets: string[] = [];
    for (const [index, entry] of packet.pages.entries()) {
      console.log(`pdf: [${index + 1}/${packet.pages.length}] ${entry.url}`);
      const response = await page.goto(`${server.origin}${entry.url}`, { waitUntil: 'load' });
      if (!response || response.status() !== 200) fail(`the page ${entry.url} is not in the build (HTTP ${response?.status()}): rebuild the site`);
      const article = await page.locator('article').first().innerHTML();
      articles.push(article);
      if (stylesheets.length === 0) {
        stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
      }
    }
    console.log('pdf: composing and printing');
    await page.goto(`${server.origin}/`);
    await page.setContent(packetHtml(packet, articles, stylesheets, new Date().toISOString().slice(0, 10)), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: out,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${packet.title.replace(/</g, '&lt;')}: edition ${packet.edition}</div>`,
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#555">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '18mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
    console.log(`pdf: wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
