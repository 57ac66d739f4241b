/**
 * Editions as a training program uses them: each edition's permanent
 * address is a real page and its own canonical address; /docs/… opens the
 * newest edition; Next is a bannered draft that search engines are told not
 * to index; the version menu; reading lists and their backlinks; print.
 */
import { expect, test } from '@playwright/test';
import { draftPages, sitemapPaths, topicPages } from './site';

const NEWEST = topicPages()[0]!.version;

test('an edition’s permanent address is the page itself, and its own canonical address', async ({ page, request }) => {
  const response = await request.get(`/docs/${NEWEST}/conditions/ptsd`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  await page.goto(`/docs/${NEWEST}/conditions/ptsd`);
  await expect(page).toHaveURL(new RegExp(`/docs/${NEWEST.replace('.', '\\.')}/conditions/ptsd$`));
  await expect(page.locator('article h1')).toContainText('Post-traumatic stress disorder');
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(new RegExp(`/docs/${NEWEST.replace('.', '\\.')}/conditions/ptsd$`));
});

test('the unversioned address opens the newest edition and keeps the section asked for', async ({ page }) => {
  await page.goto('/docs/conditions/ptsd#what-remains-uncertain');
  await expect(page).toHaveURL(new RegExp(`/docs/${NEWEST.replace('.', '\\.')}/conditions/ptsd#what-remains-uncertain$`));
});

test('Next is a bannered draft: not indexed, canonical to the newest edition, left out of the sitemap', async ({ page, request }) => {
  const canonical = new RegExp(`/docs/${NEWEST.replace('.', '\\.')}/conditions/ptsd$`);
  // What crawlers read: the static HTML.
  const html = await (await request.get('/docs/next/conditions/ptsd')).text();
  expect(html.match(/<link[^>]+rel="?canonical"?[^>]*>/g)?.map((tag) => /href="?([^"\s>]+)/.exec(tag)?.[1])).toEqual([expect.stringMatching(canonical)]);
  // What a reader's browser keeps once the page has hydrated (the head is re-rendered then).
  await page.goto('/docs/next/conditions/ptsd');
  await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
  await expect(page.locator('.theme-doc-version-banner')).toContainText('unreleased');
  expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', canonical);
  const listed = sitemapPaths();
  for (const draft of draftPages()) expect(listed).not.toContain(draft.permalink);
});

test('the version menu offers each edition and Next, with short labels', async ({ page }) => {
  await page.goto(`/docs/${NEWEST}/conditions/ptsd`);
  const menu = page.locator('.navbar__item.dropdown').filter({ hasText: NEWEST });
  await menu.hover();
  await expect(menu.getByRole('link', { name: 'Next (draft)' })).toBeVisible();
  await expect(menu.getByRole('link', { name: NEWEST, exact: true })).toBeVisible();
});

test('edit links point into docs/, where the next edition is written', async ({ page }) => {
  await page.goto(`/docs/${NEWEST}/conditions/ptsd`);
  expect(await page.locator('a.theme-edit-this-page').getAttribute('href')).toMatch(/\/edit\/main\/docs\/conditions\/ptsd\.md$/);
});

test('a reading list shows its objectives, reading time and pages, and each page links back', async ({ page }) => {
  await page.goto(`/docs/${NEWEST}/reading-lists/trd-primer-for-residents`);
  await expect(page.locator('article')).toContainText('Learning objectives');
  await expect(page.locator('article')).toContainText(/Estimated reading time: about \d+ minutes for \d+ pages/);
  const readings = page.locator('article h2#readings + ol > li');
  expect(await readings.count()).toBeGreaterThan(4);
  await readings.filter({ hasText: 'Treatment-resistant depression' }).first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/conditions\/treatment-resistant-depression(#[a-z-]+)?$/);
  const back = page.locator('article .page-reading-lists a', { hasText: 'primer for psychiatry residents' });
  await expect(back).toBeVisible();
  await back.click();
  await expect(page).toHaveURL(/\/reading-lists\/trd-primer-for-residents$/);
});

test('print hides navigation, prints link targets and DOIs, and expands collapsed content', async ({ page }) => {
  await page.goto(`/docs/${NEWEST}/conditions/ptsd`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.navbar')).toBeHidden();
  await expect(page.locator('.theme-doc-sidebar-container')).toBeHidden();
  await expect(page.locator('.theme-doc-toc-desktop')).toBeHidden();
  const doiLink = page.locator('ol.references a[href^="https://doi.org/"]').first();
  const printed = await doiLink.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(printed).toContain('https://doi.org/');
  await expect(page.getByText('BibTeX', { exact: true })).toBeVisible();
});
