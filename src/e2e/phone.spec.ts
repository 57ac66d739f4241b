/**
 * A clinician between patients, on a phone (390×844, touch): every topic
 * page of every edition shows its evidence label (one line) and its bottom
 * line on the first screen, and nothing in the article is wider than the
 * screen unless it scrolls inside its own box; condition pages pass axe
 * (WCAG 2.1 A and AA) at that size. The navbar keeps one line,
 * without overlaps, at every width from 320 to 1,440 px; without
 * JavaScript the contents page is one tap from the top of a page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { manifest } from './site';

const PHONE = { width: 390, height: 844 };
const topics = manifest().filter((page) => page.pageType === 'topic' && page.label);

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element): Box => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    });

/** Elements of the article that stick out of the viewport sideways without a scrolling (or clipping) box around them. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const element of document.querySelectorAll('article *')) {
      const { left, right, width: w, height: h } = element.getBoundingClientRect();
      if ((w === 0 && h === 0) || (right <= width + 0.5 && left >= -0.5)) continue;
      let contained = false;
      for (let parent = element.parentElement; parent && parent.tagName !== 'ARTICLE'; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') {
          contained = true;
          break;
        }
      }
      if (!contained)
        out.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> spans ${Math.round(left)}–${Math.round(right)} px`);
    }
    if (document.documentElement.scrollWidth > width)
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${width} px viewport`);
    return out;
  });

test.describe('topic pages on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('every edition has topic pages to check', () => {
    expect(topics.length).toBeGreaterThan(40);
    expect(new Set(topics.map((page) => page.version)).size).toBeGreaterThan(1);
  });

  for (const topic of topics) {
    test(`${topic.permalink} opens on its label and bottom line, within the screen's width`, async ({ page }) => {
      await page.goto(topic.permalink);
      const label = await box(page, 'article .evidence-label[data-evidence-level]');
      expect(label.top, 'the label starts below the navbar').toBeGreaterThanOrEqual(0);
      expect(label.bottom, 'the label is inside the first screen').toBeLessThanOrEqual(PHONE.height);
      expect(label.bottom - label.top, 'the label is one line (with its padding)').toBeLessThanOrEqual(48);
      expect(label.right).toBeLessThanOrEqual(PHONE.width);
      const meta = await page.evaluate(() =>
        ['.theme-doc-breadcrumbs', '.theme-doc-version-badge', '.theme-doc-toc-mobile']
          .map((selector) => document.querySelector(`article > ${selector}`)?.getBoundingClientRect())
          .filter((rect): rect is DOMRect => rect !== undefined && rect.height > 0)
          .map((rect) => rect.top + rect.height / 2),
      );
      expect(Math.max(...meta) - Math.min(...meta), 'breadcrumb, edition and "On this page" share one line').toBeLessThanOrEqual(4);

      // Editions cut before the bottom line existed (2026.1) open on their key points instead.
      const hasBottomLine = (await page.locator('article #bottom-line').count()) > 0;
      if (topic.version === 'current') expect(hasBottomLine, 'every draft topic page has a bottom line').toBe(true);
      if (hasBottomLine) {
        const bottomLine = await box(page, 'article .bottom-line');
        expect(bottomLine.top).toBeGreaterThan(label.top);
        expect(bottomLine.bottom, 'the whole bottom line is inside the first screen').toBeLessThanOrEqual(PHONE.height);
      } else {
        const firstPoint = await box(page, 'article .key-points li');
        expect(firstPoint.top, 'the first key point starts on the first screen').toBeLessThanOrEqual(PHONE.height - 100);
      }
      expect(await overflowing(page)).toEqual([]);
    });
  }
});

test.describe('condition pages on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  for (const condition of topics.filter((page) => page.sectionId === 'conditions')) {
    test(`${condition.permalink} passes axe at phone size`, async ({ page }) => {
      await page.goto(condition.permalink);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} at ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        );
      expect(serious).toEqual([]);
    });
  }
});

const NAVBAR_WIDTHS = [320, 360, 390, 414, 600, 768, 996, 997, 1024, 1100, 1200, 1280, 1366, 1440];

/** Visible navbar parts that leave the navbar's line or overlap one another. */
const navbarProblems = (page: Page) =>
  page.evaluate(() => {
    const navbar = document.querySelector('.navbar')!.getBoundingClientRect();
    const parts = [...document.querySelectorAll('.navbar__inner .navbar__items > *')].filter((element) => {
      const { width, height } = element.getBoundingClientRect();
      return width > 0 && height > 0 && getComputedStyle(element).visibility !== 'hidden';
    });
    const name = (element: Element) => (element.getAttribute('class') ?? element.tagName).split(' ')[0];
    const problems: string[] = [];
    for (const element of parts) {
      const r = element.getBoundingClientRect();
      if (r.top < navbar.top - 1 || r.bottom > navbar.bottom + 1) problems.push(`${name(element)} leaves the navbar's line`);
      if (r.left < -1 || r.right > window.innerWidth + 1) problems.push(`${name(element)} leaves the screen`);
      // Text that wraps has a text node split over line boxes at different heights.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top);
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 4) problems.push(`"${node.textContent.trim()}" wraps onto two lines`);
      }
    }
    for (const [i, a] of parts.entries()) {
      for (const b of parts.slice(i + 1)) {
        const x = a.getBoundingClientRect();
        const y = b.getBoundingClientRect();
        if (x.left < y.right - 1 && y.left < x.right - 1 && x.top < y.bottom - 1 && y.top < x.bottom - 1) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return problems;
  });

for (const path of ['/docs/next/conditions/treatment-resistant-depression', '/docs/2026.1/conditions/treatment-resistant-depression']) {
  test(`the navbar of ${path} keeps one line without overlaps from 320 to 1,440 px`, async ({ page }) => {
    await page.goto(path);
    const problems: string[] = [];
    for (const width of NAVBAR_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      problems.push(...(await navbarProblems(page)).map((problem) => `${width} px: ${problem}`));
    }
    expect(problems).toEqual([]);
  });
}

test.describe('a phone without JavaScript', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true, javaScriptEnabled: false });

  test('reaches the contents page from the top of a page', async ({ page }) => {
    const contents = manifest().find((entry) => entry.version === 'current' && entry.docPath === 'index.md')!;
    await page.goto('/docs/next/conditions/ptsd');
    await expect(page.locator('.navbar__toggle')).toBeHidden();
    const link = page.getByRole('link', { name: 'Contents: all pages' });
    await expect(link).toBeVisible();
    expect(await link.evaluate((element) => element.getBoundingClientRect().bottom)).toBeLessThanOrEqual(64);
    await link.tap();
    await expect(page).toHaveURL(new RegExp(`${contents.permalink.replace(/\/$/, '')}/?$`));
    await expect(page.locator('article h1')).toHaveText(contents.title);
  });

  test('still shows the findings as cards and keeps tables inside the screen', async ({ page }) => {
    await page.goto('/docs/next/conditions/ptsd');
    const row = page.locator('.findings tbody tr').first();
    await expect(row).toHaveCSS('display', 'flex');
    expect(await overflowing(page)).toEqual([]);
  });
});

test.describe('a phone with JavaScript', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('shows the menu button in place of the contents link once the page has hydrated', async ({ page }) => {
    await page.goto('/docs/next/conditions/ptsd');
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    await expect(page.locator('.navbar__toggle')).toBeVisible();
    await expect(page.locator('.navbar__contents-link')).toBeHidden();
  });

  test('shows each summary-of-findings row as a card: outcome first, then effect and certainty, citations last', async ({ page }) => {
    await page.goto('/docs/next/conditions/ptsd');
    const cells = await page
      .locator('.findings tbody tr')
      .first()
      .locator('td')
      .evaluateAll((tds) =>
        tds.map((td) => ({ label: td.getAttribute('data-label'), top: td.getBoundingClientRect().top, visible: td.getBoundingClientRect().height > 0 })),
      );
    expect(cells.every((cell) => cell.visible)).toBe(true);
    const order = [...cells].sort((a, b) => a.top - b.top).map((cell) => cell.label);
    expect(order).toEqual(['Outcome', 'Effect', 'Certainty', 'Studies (participants)', 'Citations']);
  });

  test('scrolls other wide tables inside their box with the first column held', async ({ page }) => {
    await page.goto('/docs/next/routes/pharmacokinetics');
    const region = page.locator('.pk-figure__table');
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    const lefts = () =>
      region
        .locator('tbody tr')
        .first()
        .locator('td')
        .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.getBoundingClientRect().left));
    const [firstBefore, secondBefore] = await lefts();
    await region.evaluate((element) => element.scrollBy(200, 0));
    const [firstAfter, secondAfter] = await lefts();
    expect(secondBefore! - secondAfter!, 'the table scrolled').toBeGreaterThan(150);
    expect(Math.abs(firstAfter! - firstBefore!), 'the first column stayed').toBeLessThanOrEqual(1);
  });
});
