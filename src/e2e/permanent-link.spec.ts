/**
 * "Permanent link to this edition" under the title of every topic page:
 * the address as a link in the static HTML, a copy button once JavaScript
 * runs (clipboard, and a visible "Copied" status that screen readers
 * announce), one line on a phone, and a page head that still leaves the
 * bottom line in the first screen of a phone.
 */
import { expect, test } from '@playwright/test';
import { manifest } from './site';

const topics = manifest().filter((page) => page.pageType === 'topic');
const newest = topics.find((page) => page.version !== 'current')!.version;
const newestPermalink = (docPath: string) => topics.find((page) => page.version === newest && page.docPath === docPath);
const shown = (url: string) => url.replace(/^https?:\/\//, '');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every topic page shows its permanent address as a link under the title, and no copy button', async ({ page }) => {
    for (const topic of topics) {
      await page.goto(topic.permalink);
      const line = page.locator('article [class*="permalink"]');
      await expect(line, topic.permalink).toHaveCount(1);
      const link = line.getByRole('link');
      if (topic.version === 'current') {
        const edition = newestPermalink(topic.docPath)!;
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
      expect(await page.evaluate(() => {
        const h1 = document.querySelector('article h1');
        const label = document.querySelector('article .evidence-label');
        const line = document.querySelector('article [class*="permalink"]');
        return Boolean(h1 && label && line && h1.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING && line.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING);
      }), topic.permalink).toBe(true);
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
    for (const topic of topics) {
      await page.goto(topic.permalink);
      const line = page.locator('article [class*="permalink"]');
      await expect(line.getByRole('button')).toBeVisible();
      const { height, lineHeight } = await line.evaluate((element) => ({ height: element.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(element).lineHeight) }));
      expect(height, topic.permalink).toBeLessThan(lineHeight * 1.5);
    }
  });

  // Next's draft banner is not part of the page head: published editions have none, and Next's text becomes the next edition.
  test('the page head leaves the bottom line in the first screen, as an edition shows it', async ({ page }) => {
    for (const topic of topics.filter((page) => page.version === 'current')) {
      await page.goto(topic.permalink);
      const bottom = await page.evaluate(() => {
        document.querySelector<HTMLElement>('.theme-doc-version-banner')?.style.setProperty('display', 'none');
        return document.querySelector('#bottom-line')!.getBoundingClientRect().bottom;
      });
      expect(bottom, topic.permalink).toBeLessThanOrEqual(844);
    }
  });
});
