/**
 * What a clinician does on a page: read a label's definition, find pages
 * with the offline search and sort the evidence map. Citations and glossary
 * terms (tap, keyboard, hover panels) are tested in panels.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { LABEL_LEVEL_IDS } from '../evidence/levels';
import { topicPages } from './site';

const NEWEST = `/docs/${topicPages()[0]!.version}`;

test('an evidence label explains its level on hover', async ({ page }) => {
  await page.goto(`${NEWEST}/conditions/ptsd`);
  const label = page.locator('article .evidence-label[data-evidence-level]').first();
  const tooltip = label.locator('[role="tooltip"]');
  await expect(tooltip).toBeHidden();
  await label.locator('a').first().hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/confident|confidence/);
});

test('the local search finds a page without any other host', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://localhost')) outside.push(request.url());
  });
  await page.goto('/');
  await page.locator('nav.navbar').getByRole('button', { name: 'Search', exact: true }).click();
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.fill('esketamine');
  const suggestion = page.locator('[role="listbox"] [role="option"]').first();
  await expect(suggestion).toBeVisible({ timeout: 15_000 });
  expect(outside).toEqual([]);
});

test('the evidence map sorts by label, strongest first', async ({ page }) => {
  await page.goto(`${NEWEST}/reference/evidence-map`);
  const header = page.getByRole('button', { name: 'Label' });
  await header.click();
  const levels = await page
    .locator('.sortable-table tbody tr [data-evidence-level]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-evidence-level')));
  const ranks = levels.map((l) => LABEL_LEVEL_IDS.indexOf(l as (typeof LABEL_LEVEL_IDS)[number]));
  expect(ranks).not.toContain(-1);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(ranks.length).toBeGreaterThan(30);
});
