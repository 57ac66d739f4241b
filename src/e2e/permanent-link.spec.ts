/**
 * "Permanent link to this edition" under the title of every topic page:
 * the address as a link in the static HTML, a copy button once JavaScript
 * runs (clipboard, and a visible "Copied" status that screen readers
 * announce), one line on a phone, and a page head that still leaves the
 * bottom line in the first screen of a phone.
 */
import { expect, test } from '@playwright/test';
import { manifest, timeFor } from './site';

const topics = manifest().filter((page) => page.pageType === 'topic');
const newest = topics.find((page) => page.version !== 'current')!.version;
const newestPermalink = (docPath: string) => topics.find((page) => page.version === newest && page.docPath === docPath);
const shown = (url: string) => url.replace(/^https?:\/\//, '');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every topic page shows its permanent address as a link under the title, and no copy button', async ({ page }) => {
    test.setTimeout(timeFor(topics));
    for (const topic of topics) {
      await page.goto(topic.permalink);
      const line = page.locator('article [class*="permalink"]');
      await expect(line, topic.permalink).toHaveCount(1);
      const link = line.getByRole('link');
      const edition = newestPermalink(topic.docPath);
      if (topic.version === 'current' && !edition) {
        // A page new in Next has no permanent address yet, and says so.
        await expect(line, topic.permalink).toHaveText('New in this draft: no permanent link yet.');
        await expect(link).toHaveCount(0);
      } else if (topic.version === 'current' && edition) {
        await expect(line, topic.permalink).toContainText(`Draft: cite edition ${newest} instead:`);
        await expect(link).toHaveAttribute('href', edition.permalink);
        await expect(link).toHaveText(shown(edition.url));
      } else {
        await expect(line, topic.permalink).toContainText('Permanent link to this edition:');
        await expect(link).toHaveAttribute('href', topic.permalink);
        await expect(link).toHaveText(shown(topic.url));
      }
      await expect(line.getByRole('button')).toHaveCount(0);
      // Right under the title, before the evidence label.
      expect(
        await page.evaluate(() => {
          const h1 = document.querySelector('article h1');
          const label = document.querySelector('article .evidence-label');
          const line = document.querySelector('article [class*="permalink"]');
          return Boolean(
            h1 &&
            label &&
            line &&
            h1.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING &&
            line.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING,
          );
        }),
        topic.permalink,
      ).toBe(true);
    }
  });
});

test('the copy button puts the permanent address on the clipboard and announces "Copied"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const topic = topics.find((page) => page.version === newest && page.docPath === 'conditions/ptsd.md')!;
  await page.goto(topic.permalink);
  const status = page.locator('article [class*="permalink"] [role="status"]');
  await expect(status).toBeEmpty();
  await page.getByRole('button', { name: 'Copy the permanent link' }).click();
  await expect(status).toHaveText('Copied');
  await expect(status).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(topic.url);
});

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the permanent link keeps to one line on every topic page', async ({ page }) => {
    test.setTimeout(timeFor(topics));
    for (const topic of topics) {
      await page.goto(topic.permalink);
      const line = page.locator('article [class*="permalink"]');
      if (topic.version !== 'current' || newestPermalink(topic.docPath)) await expect(line.getByRole('button')).toBeVisible();
      const { height, lineHeight } = await line.evaluate((element) => ({
        height: element.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(element).lineHeight),
      }));
      expect(height, topic.permalink).toBeLessThan(lineHeight * 1.5);
    }
  });

  // Only Next's pages have a bottom line (2026.1 predates it); they also carry the draft banner, so this is the tightest case.
  test('with the permanent link, the page head still leaves the bottom line in the first screen', async ({ page }) => {
    test.setTimeout(timeFor(topics.filter((page) => page.version === 'current')));
    for (const topic of topics.filter((page) => page.version === 'current')) {
      await page.goto(topic.permalink);
      const bottom = await page.evaluate(() => document.querySelector('#bottom-line')!.getBoundingClientRect().bottom);
      expect(bottom, topic.permalink).toBeLessThanOrEqual(844);
    }
  });
});
