/**
 * What a training program uses on a reading list: self-check questions
 * that work without JavaScript (the answer in a closed details element),
 * and the list's PDF, linked with its page count and size only when the
 * PDF command has made it (`npx tsx src/scripts/publish.ts`), and then
 * served by the site. The reading lists' index links the edition's PDF on
 * the same terms.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { editionPacketFile, readingListPacketFile } from '../packet/files';
import { BUILD_DIR, manifest } from './site';

const pages = manifest();
const lists = pages.filter((page) => page.pageType === 'reading-list');
const drafts = lists.filter((page) => page.version === 'current');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each Next reading list asks 5 to 10 self-check questions, each answer behind "Show the answer"', async ({ page }) => {
    expect(drafts.length).toBeGreaterThan(0);
    for (const list of drafts) {
      await page.goto(list.permalink);
      await expect(page.locator('h2#self-check')).toHaveText('Check your understanding');
      const questions = page.locator('article section.self-check__question');
      const count = await questions.count();
      expect(count, list.permalink).toBeGreaterThanOrEqual(5);
      expect(count, list.permalink).toBeLessThanOrEqual(10);
      for (let q = 0; q < count; q += 1) {
        const question = questions.nth(q);
        expect(await question.locator('ol.self-check__options > li').count()).toBeGreaterThanOrEqual(3);
        const answer = question.locator('details.self-check__answer');
        await expect(answer).not.toHaveAttribute('open');
        await expect(answer.locator('summary')).toHaveText('Show the answer');
        await expect(answer.getByText(/^Answer: [A-E]\./)).toBeHidden();
        // Opening the answer needs no script: the browser's own details element does it.
        await answer.locator('summary').click();
        await expect(answer.getByText(/^Answer: [A-E]\./)).toBeVisible();
        await expect(answer.locator('a.citation__link').first()).toBeVisible();
        await expect(answer.getByText('Read:')).toBeVisible();
      }
    }
  });

  test('a reading list links its PDF, with pages and size, exactly when the file exists, and the link works', async ({ page, request }) => {
    for (const list of lists) {
      const file = readingListPacketFile(list.version, list.docPath);
      await page.goto(list.permalink);
      const link = page.locator('article .packet-download a');
      if (!existsSync(join(BUILD_DIR, file))) {
        await expect(link, `${list.permalink} has no PDF, so no link`).toHaveCount(0);
        continue;
      }
      await expect(link).toHaveText('Download this reading list as a PDF');
      await expect(page.locator('article .packet-download')).toHaveText(/^Download this reading list as a PDF \(\d+ pages?, [\d.]+ (KB|MB)\)\.$/);
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(new RegExp(`/${file.replace(/[.]/g, '\\.')}$`));
      const response = await request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
    }
  });

  test('the reading lists’ index links the edition’s PDF exactly when the file exists', async ({ page }) => {
    for (const index of pages.filter((page) => page.docPath === 'reading-lists/index.md')) {
      await page.goto(index.permalink);
      const link = page.locator('article .packet-download a');
      if (existsSync(join(BUILD_DIR, editionPacketFile(index.version))))
        await expect(link).toHaveText(/^Download the whole (edition .+|draft \(Next\)) as a PDF$/);
      else await expect(link, index.permalink).toHaveCount(0);
    }
  });
});
