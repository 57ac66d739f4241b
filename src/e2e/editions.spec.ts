/**
 * Editions and course material as a training program uses them: a stable
 * edition URL, the version menu, Next's banner, reading lists and their
 * backlinks, and print.
 */
import { expect, test } from '@playwright/test';

test('an edition’s permanent URL opens that edition’s page', async ({ page }) => {
  await page.goto('/docs/2026.1/conditions/ptsd');
  await expect(page).toHaveURL(/\/docs\/conditions\/ptsd$/);
  await expect(page.locator('article h1')).toContainText('Post-traumatic stress disorder');
  await expect(page.locator('article [data-evidence-level]').first()).toBeVisible();
});

test('the version menu offers the edition and Next, and Next carries a banner', async ({ page }) => {
  await page.goto('/docs/conditions/ptsd');
  const menu = page.locator('.navbar__item.dropdown').filter({ hasText: '2026.1' });
  await menu.hover();
  await expect(menu.getByRole('link', { name: 'Next' })).toBeVisible();
  await expect(menu.getByRole('link', { name: '2026.1 (current edition)' })).toBeVisible();
  await page.goto('/docs/next/conditions/ptsd');
  await expect(page.locator('.theme-doc-version-banner')).toContainText('unreleased');
});

test('a reading list shows its objectives, reading time and pages, and each page links back', async ({ page }) => {
  await page.goto('/docs/reading-lists/trd-primer-for-residents');
  await expect(page.locator('article')).toContainText('Learning objectives');
  await expect(page.locator('article')).toContainText(/Estimated reading time: about \d+ minutes for 6 pages/);
  const readings = page.locator('article h2#readings + ol > li');
  await expect(readings).toHaveCount(7);
  await readings.nth(3).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/docs\/conditions\/treatment-resistant-depression$/);
  const back = page.locator('article .page-reading-lists a', { hasText: 'primer for psychiatry residents' });
  await expect(back).toBeVisible();
  await back.click();
  await expect(page).toHaveURL(/\/docs\/reading-lists\/trd-primer-for-residents$/);
});

test('print hides navigation, prints link targets and DOIs, and expands collapsed content', async ({ page }) => {
  await page.goto('/docs/conditions/ptsd');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.navbar')).toBeHidden();
  await expect(page.locator('.theme-doc-sidebar-container')).toBeHidden();
  await expect(page.locator('.theme-doc-toc-desktop')).toBeHidden();
  const doiLink = page.locator('ol.references a[href^="https://doi.org/"]').first();
  const printed = await doiLink.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(printed).toContain('https://doi.org/');
  await expect(page.getByText('BibTeX', { exact: true })).toBeVisible();
  const table = page.locator('.findings table').first();
  expect(await table.evaluate((t) => getComputedStyle(t).breakInside)).toBe('avoid');
});
