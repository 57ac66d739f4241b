/**
 * Citations and glossary terms at the point of care: a tap opens a panel
 * (a bottom sheet on a phone, a popover on a wide screen) with the
 * formatted reference and its live DOI and PubMed links, or the definition
 * and a link to the glossary, without leaving the sentence. The panel is
 * keyboard-operable, closes with Escape and returns focus to the link that
 * opened it; each reference-list entry links back to every place it is
 * cited; a page with a panel open passes axe (WCAG 2.1 A and AA).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const CONDITION = '/docs/next/conditions/ptsd';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1366, height: 900 } };

const panel = (page: Page) => page.locator('dialog#reference-panel');
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

test.describe('on a touch phone', () => {
  test.use(PHONE);

  test('a tapped citation opens a bottom sheet with its references and live links, and Escape returns focus', async ({ page }) => {
    await page.goto(CONDITION);
    const cite = page.locator('article .bottom-line a.citation__link').first();
    const key = (await cite.getAttribute('data-citation-key'))!;
    const before = await scrollY(page);
    await cite.tap();
    const sheet = panel(page);
    await expect(sheet).toBeVisible();
    expect(await sheet.evaluate((dialog) => dialog.matches(':modal')), 'a phone gets a modal bottom sheet').toBe(true);
    const box = (await sheet.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(844);
    expect(Math.round(box.width)).toBe(390);
    // The reader stays at the sentence: no jump to the reference list, no change of address.
    expect(await scrollY(page)).toBe(before);
    expect(new URL(page.url()).hash).toBe('');
    await expect(page.getByRole('dialog', { name: /^References? \d/ })).toBeVisible();
    await expect(sheet).toBeFocused();

    const entry = page.locator(`ol.references li#ref-${key}`);
    const doi = await entry.locator('a[href^="https://doi.org/"]').first().getAttribute('href');
    expect(doi).toBeTruthy();
    await expect(sheet.locator(`a[href="${doi}"]`)).toBeVisible();
    await expect(sheet.locator(`a[href="#ref-${key}"]`)).toHaveText('In the reference list');
    // The panel repeats the entry's text without its back-links.
    const entryText = (
      await entry.evaluate((li) => {
        const copy = li.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.reference__back').forEach((node) => node.remove());
        return copy.textContent ?? '';
      })
    ).trim();
    expect((await sheet.locator('li').first().textContent())!.replace(/\s*In the reference list$/, '').trim()).toBe(entryText);

    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(cite).toBeFocused();
    expect(await scrollY(page)).toBe(before);
  });

  test('a citation range shows every reference it stands for', async ({ page }) => {
    await page.goto(CONDITION);
    const sup = page.locator('article sup.citation', { hasText: '–' }).first();
    const [from, to] = ((await sup.textContent())!.match(/(\d+)–(\d+)/) ?? []).slice(1).map(Number);
    await sup.locator('a.citation__link').first().tap();
    await expect(panel(page).locator('.reference-panel__references > li')).toHaveCount(to! - from! + 1);
    await expect(panel(page).getByRole('heading')).toHaveText(`References ${from}–${to}`);
  });

  test('PubMed links in a reference are live in the panel', async ({ page }) => {
    await page.goto(CONDITION);
    const entry = page.locator('ol.references li:has(a[href^="https://pubmed.ncbi.nlm.nih.gov/"])').first();
    const id = (await entry.getAttribute('id'))!;
    const pubmed = (await entry.locator('a[href^="https://pubmed.ncbi.nlm.nih.gov/"]').first().getAttribute('href'))!;
    await page.locator(`article a.citation__link[href="#${id}"]`).first().tap();
    await expect(panel(page).locator(`a[href="${pubmed}"]`)).toBeVisible();
  });

  test('a tapped glossary term shows its definition and a link to the glossary; the close button returns focus', async ({ page }) => {
    await page.goto(CONDITION);
    const term = page.locator('article a.glossary-term__link').first();
    const preview = page.locator(`#${await term.getAttribute('aria-describedby')}`);
    const name = (await preview.locator('strong').textContent())!;
    const definition = (await preview.textContent())!.slice(name.length).replace(/^\s*:\s*/, '');
    const id = (await term.getAttribute('data-glossary-term'))!;
    await term.tap();
    const sheet = panel(page);
    await expect(sheet).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${CONDITION}$`));
    await expect(sheet.getByRole('heading')).toHaveText(name);
    await expect(sheet).toContainText(definition);
    const glossary = sheet.getByRole('link', { name: 'Open in the glossary' });
    await expect(glossary).toHaveAttribute('href', new RegExp(`/reference/glossary#${id}$`));
    await sheet.getByRole('button', { name: 'Close' }).tap();
    await expect(sheet).toBeHidden();
    await expect(term).toBeFocused();

    await term.tap();
    await glossary.tap();
    await expect(page).toHaveURL(new RegExp(`/reference/glossary#${id}$`));
    await expect(panel(page)).toBeHidden();
  });

  test('a tap on the backdrop closes the sheet', async ({ page }) => {
    await page.goto(CONDITION);
    await page.locator('article a.citation__link').first().tap();
    await expect(panel(page)).toBeVisible();
    await page.touchscreen.tap(195, 20);
    await expect(panel(page)).toBeHidden();
  });

  test('a condition page with the sheet open passes axe', async ({ page }) => {
    await page.goto(CONDITION);
    await page.locator('article a.citation__link').first().tap();
    await expect(panel(page)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('on a phone without JavaScript', () => {
  test.use({ ...PHONE, javaScriptEnabled: false });

  test('a citation still leads to its entry, and the entry leads back', async ({ page }) => {
    await page.goto(CONDITION);
    const cite = page.locator('article .key-points a.citation__link').first();
    const href = (await cite.getAttribute('href'))!;
    await cite.tap();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    const entry = page.locator(`ol.references li${href}`);
    await expect(entry).toBeInViewport();
    const supId = (await cite.evaluate((link) => link.closest('sup')!.id))!;
    await entry.locator(`a[href="#${supId}"]`).tap();
    await expect(page).toHaveURL(new RegExp(`#${supId}$`));
    await expect(page.locator(`sup#${supId}`)).toBeInViewport();
  });
});

test.describe('on a wide screen', () => {
  test.use(DESKTOP);

  test('Enter on a citation opens a popover beside it; Tab stays in reach, Escape returns focus', async ({ page }) => {
    await page.goto(CONDITION);
    const cite = page.locator('article .key-points a.citation__link').first();
    await cite.focus();
    await page.keyboard.press('Enter');
    const popover = panel(page);
    await expect(popover).toBeVisible();
    expect(await popover.evaluate((dialog) => dialog.matches(':modal')), 'a wide screen gets a popover, not a modal').toBe(false);
    await expect(popover).toBeFocused();
    const near = await cite.evaluate((link) => {
      const a = link.getBoundingClientRect();
      const b = document.getElementById('reference-panel')!.getBoundingClientRect();
      return Math.min(Math.abs(b.top - a.bottom), Math.abs(a.top - b.bottom));
    });
    expect(near, 'the popover sits against the citation').toBeLessThan(16);
    await page.keyboard.press('Tab');
    await expect(popover.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(cite).toBeFocused();
    expect(new URL(page.url()).hash).toBe('');

    // Tabbing past the popover's last link closes it and continues from the citation.
    await page.keyboard.press('Enter');
    await expect(popover).toBeVisible();
    const links = await popover.locator('a[href], button').count();
    for (let i = 0; i < links; i += 1) await page.keyboard.press('Tab');
    await expect(popover.locator('a[href]').last()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(popover).toBeHidden();
    await expect(cite).toBeFocused();
  });

  test('hovering a citation previews it without taking focus; moving away hides it', async ({ page }) => {
    await page.goto(CONDITION);
    const cite = page.locator('article .key-points a.citation__link').first();
    await cite.hover();
    await expect(panel(page)).toBeVisible();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.mouse.move(5, 500);
    await expect(panel(page)).toBeHidden();
  });

  test('a condition page with the popover open passes axe', async ({ page }) => {
    await page.goto(CONDITION);
    await page.locator('article .key-points a.citation__link').first().click();
    await expect(panel(page)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('back-links', () => {
  test.use(DESKTOP);

  test('every reference entry links back to each place it is cited', async ({ page }) => {
    await page.goto(CONDITION);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const entries = [...document.querySelectorAll<HTMLLIElement>('ol.references > li')];
      if (entries.length === 0) out.push('no reference list');
      for (const entry of entries) {
        const back = [...entry.querySelectorAll<HTMLAnchorElement>('.reference__back, .reference__back a')].filter((a) => a instanceof HTMLAnchorElement);
        const targets = new Set(back.map((a) => a.hash.slice(1)));
        if (back.length === 0) out.push(`${entry.id} has no back-link`);
        for (const id of targets)
          if (!document.getElementById(id)?.matches('sup.citation')) out.push(`${entry.id} links back to #${id}, which is not a citation`);
        for (const link of document.querySelectorAll<HTMLAnchorElement>(`a.citation__link[href="#${entry.id}"]`)) {
          const sup = link.closest('sup.citation')!;
          if (!targets.has(sup.id)) out.push(`${entry.id} has no back-link to #${sup.id}`);
        }
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  test('from a citation to its entry and back again, keyboard focus follows', async ({ page }) => {
    await page.goto(CONDITION);
    const cite = page.locator('article .key-points a.citation__link').first();
    const key = (await cite.getAttribute('data-citation-key'))!;
    const supId = (await cite.evaluate((link) => link.closest('sup')!.id))!;
    await cite.focus();
    await page.keyboard.press('Enter');
    await panel(page).locator(`a[href="#ref-${key}"]`).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#ref-${key}$`));
    const entry = page.locator(`li#ref-${key}`);
    await expect(entry).toBeInViewport();
    await expect(entry).toBeFocused();
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        (id) => document.activeElement?.closest('li')?.id === id && document.activeElement.closest('.reference__back') !== null,
        `ref-${key}`,
      ),
      'Tab reaches the entry’s back-links first',
    ).toBe(true);
    const back = entry.locator(`a[href="#${supId}"]`);
    await back.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${supId}$`));
    await expect(page.locator(`sup#${supId} a.citation__link`).first()).toBeFocused();
    await expect(page.locator(`sup#${supId}`)).toBeInViewport();
  });
});
