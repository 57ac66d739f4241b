/**
 * A printed page identifies itself: every sheet carries the page title,
 * the site and edition, the permanent address, the print date (or without
 * JavaScript the date of the last review) and page numbers; links to other
 * pages print their full address; and no sheet but the last is left half
 * empty by blocks that refuse to break. The PDF is read back with
 * pdftotext (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatDate } from '../citations/format';
import { manifest } from './site';

const pages = manifest();
const entry = (permalink: string) => pages.find((page) => page.permalink === permalink)!;
const pdftotext = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

async function printToPdf(page: Page): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'page.pdf');
  await page.pdf({ path: file, format: 'A4' });
  return file;
}

/** Sheets of the PDF as text, in reading layout. */
const sheets = (file: string) =>
  pdftotext(file, '-layout')
    .split('\f')
    .filter((text) => text.trim());

/** Today in the reader's time zone, as the print module writes it. */
function today(): string {
  const now = new Date();
  return formatDate([now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-'));
}

/** How far down its printable area each sheet's text reaches (0–1), running head and foot excluded. */
function fill(file: string): number[] {
  const xml = pdftotext(file, '-bbox-layout');
  const mm = 72 / 25.4;
  return xml
    .split('<page ')
    .slice(1)
    .map((sheet) => {
      const height = Number(/height="([\d.]+)"/.exec(sheet)![1]);
      const top = 18 * mm;
      const bottom = height - 16 * mm;
      const lines = [...sheet.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      const last = Math.max(top, ...lines.filter(([y0, y1]) => y0 > top && y1 < bottom).map(([, y1]) => y1));
      return (last - top) / (bottom - top);
    });
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

test('every printed sheet of a condition page names the page, edition, address and print date, with page numbers', async ({ page }) => {
  const ptsd = entry('/docs/2026.1/conditions/ptsd');
  await page.goto(ptsd.permalink);
  const internal = await page
    .locator('.theme-doc-markdown a[href^="/"]:not(.glossary-term__link, .citation__link, .hash-link)')
    .evaluateAll((links) => links.filter((link) => !link.closest('.evidence-label')).map((link) => link.getAttribute('href')!));
  const file = await printToPdf(page);
  const text = sheets(file);
  expect(text.length).toBeGreaterThan(1);
  for (const [index, sheet] of text.entries()) {
    const where = `sheet ${index + 1} of ${text.length}`;
    expect(sheet, where).toContain(ptsd.title);
    expect(sheet, where).toContain(`Ketamine Therapy Evidence · edition 2026.1 · printed ${today()}`);
    expect(sheet, where).toContain(ptsd.url);
    expect(sheet, where).toContain(`page ${index + 1} of ${text.length}`);
  }
  // Links to other pages print their full address after the link text.
  expect(internal.length).toBeGreaterThan(0);
  const origin = new URL(ptsd.url).origin;
  for (const href of new Set(internal)) expect(squeeze(text.join(''))).toContain(squeeze(`<${origin}${href}>`));
});

test('a draft page names its edition as the draft', async ({ page }) => {
  const draft = entry('/docs/next/conditions/ptsd');
  await page.goto(draft.permalink);
  const text = sheets(await printToPdf(page));
  expect(text[0]).toContain('edition Next (draft)');
  expect(text[0]).toContain(draft.url);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the running head gives the date of the last review instead of the print date', async ({ page }) => {
    const ptsd = entry('/docs/2026.1/conditions/ptsd');
    await page.goto(ptsd.permalink);
    const text = sheets(await printToPdf(page));
    for (const sheet of text) {
      expect(sheet).toContain(`edition 2026.1 · last reviewed ${formatDate(ptsd.lastReviewed!)}`);
      expect(sheet).toContain(ptsd.url);
      expect(sheet).not.toContain('printed');
    }
  });
});

test('a page outside the docs prints without a running head', async ({ page }) => {
  await page.goto('/');
  const text = sheets(await printToPdf(page));
  expect(text.join('\n')).not.toMatch(/page \d+ of \d+/);
});

for (const permalink of [
  '/docs/2026.1/conditions/treatment-resistant-depression',
  '/docs/next/conditions/treatment-resistant-depression',
  '/docs/next/conditions/ptsd',
  '/docs/2026.1/routes/pharmacokinetics',
  '/docs/2026.1/reference/evidence-map',
]) {
  test(`no printed sheet of ${permalink} but the last is left half empty`, async ({ page }) => {
    await page.goto(permalink);
    const filled = fill(await printToPdf(page));
    expect(filled.length).toBeGreaterThan(1);
    const short = filled.slice(0, -1).flatMap((share, index) => (share < 0.6 ? [`sheet ${index + 1} is ${Math.round(share * 100)}% filled`] : []));
    expect(short).toEqual([]);
  });
}
