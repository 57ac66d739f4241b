/**
 * `npx tsx src/scripts/screenshots.ts [--page /docs/next/conditions/…]`
 *
 * Screenshots of a condition page as a clinician sees it on a phone
 * (390×844, touch, 2× pixels): the first screen, the summary of findings,
 * and a citation's panel open; and the same panel as a popover on a wide
 * screen. Written to src/benchmark/screenshots/ so reviewers can see the
 * point-of-care layout without building the site. Run `npm run build`
 * first; uses the system Chromium and the built site.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_DIR } from '../content/paths';
import { launchChromium } from '../tools/browser';
import { serveBuild } from '../tools/serve';

const OUT_DIR = join(SITE_DIR, 'src', 'benchmark', 'screenshots');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { page: { type: 'string', default: '/docs/next/conditions/treatment-resistant-depression' } } });
  const path = values.page!;
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await serveBuild(join(SITE_DIR, 'build'));
  const browser = await launchChromium();
  const shot = (name: string) => join(OUT_DIR, `condition-${name}.png`);
  try {
    const phone = await (await browser.newContext({ ...PHONE, colorScheme: 'light' })).newPage();
    await phone.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
    await phone.screenshot({ path: shot('390x844-top') });

    // The summary of findings just below the navbar, as a reader arrives from "On this page".
    await phone
      .locator('#summary-of-findings, .findings')
      .first()
      .evaluate((start) => window.scrollTo(0, start.getBoundingClientRect().top + window.scrollY - 70));
    await phone.screenshot({ path: shot('390x844-findings') });

    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.locator('article .bottom-line a.citation__link, article .key-points a.citation__link').first().tap();
    await phone.locator('dialog#reference-panel').waitFor({ state: 'visible' });
    await phone.screenshot({ path: shot('390x844-citation-open') });

    const desktop = await (await browser.newContext({ ...DESKTOP, colorScheme: 'light' })).newPage();
    await desktop.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
    await desktop.locator('article .key-points a.citation__link').first().click();
    await desktop.locator('dialog#reference-panel').waitFor({ state: 'visible' });
    await desktop.screenshot({ path: shot('1366x900-citation-popover') });
    console.log(`screenshots: wrote 4 files to ${OUT_DIR}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
