/**
 * The site search as a reader uses it, on a desktop and on a 390×844
 * phone: the Ctrl-K and `/` shortcuts, the keyboard-operated combobox, the
 * results page with its filters, excerpts with the matched words marked,
 * results that land on the heading that answers, no serious accessibility
 * violations with search open, and nothing fetched from another host.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { topicPages } from './site';

const NEWEST = `/docs/${topicPages()[0]!.version}`;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Records requests to another host (and blocks them), console errors and CSP violations. */
async function watch(page: Page, baseURL: string): Promise<string[]> {
  const problems: string[] = [];
  const origin = new URL(baseURL).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request to another host: ${url}`);
    return route.abort();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  return problems;
}

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

const combobox = (page: Page) => page.getByRole('combobox', { name: 'Search' });
const options = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const opener = (page: Page) => page.locator('nav.navbar').getByRole('button', { name: 'Search', exact: true });

for (const [device, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });

    test('Ctrl-K opens the search; arrow keys choose a section and Enter lands on its heading', async ({ page, baseURL }) => {
      const problems = await watch(page, baseURL!);
      const pagefindRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
      });
      await page.goto(`${NEWEST}/conditions/ptsd`, { waitUntil: 'networkidle' });
      expect(pagefindRequests, 'Pagefind must load only when search opens').toEqual([]);

      await page.keyboard.press('Control+k');
      await expect(combobox(page)).toBeFocused();
      await page.keyboard.type('SUSTAIN-1 relapse');
      await expect(options(page).first()).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('dialog').getByRole('status')).toContainText(/\d+ results?/);
      await expect(options(page).first()).toContainText('Treatment-resistant depression');
      await expect(options(page).first()).toContainText('Low certainty');
      await expect(options(page).first().locator('mark').first()).toBeVisible();

      await page.keyboard.press('ArrowDown');
      const first = options(page).first();
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expect(combobox(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${NEWEST.replace('.', '\\.')}/conditions/treatment-resistant-depression#maintenance-sustain-1$`));
      await expect(page.locator('#maintenance-sustain-1')).toBeInViewport();
      expect(pagefindRequests.some((url) => url.endsWith(`/pagefind${NEWEST.slice('/docs'.length)}/pagefind.js`))).toBe(true);
      expect(problems).toEqual([]);
    });

    test('the search button does not cover the site title, and search open passes axe', async ({ page, baseURL }) => {
      const problems = await watch(page, baseURL!);
      await page.goto(`${NEWEST}/risks/acute-effects`);
      const title = page.locator('.navbar__inner .navbar__brand');
      const button = opener(page);
      await expect(title).toBeVisible();
      await expect(button).toBeVisible();
      const [t, b] = [(await title.boundingBox())!, (await button.boundingBox())!];
      const overlaps = t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height;
      expect(overlaps, 'the search button overlaps the site title').toBe(false);
      expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);

      await button.click();
      await combobox(page).fill('bladder damage');
      await expect(options(page).first()).toBeVisible({ timeout: 15_000 });
      const dialog = (await page.getByRole('dialog').boundingBox())!;
      if (device === 'phone') expect(dialog.width).toBeGreaterThanOrEqual(viewport.width - 1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(button).toBeFocused();
      expect(problems).toEqual([]);
    });
  });
}

test('`/` opens the search, but types a slash in a field; Enter with no result chosen opens the results page', async ({ page, baseURL }) => {
  const problems = await watch(page, baseURL!);
  await page.goto('/search', { waitUntil: 'networkidle' });
  await page.getByLabel('Search for').fill('a/b');
  await expect(page.getByLabel('Search for')).toHaveValue('a/b');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.type('TRD');
  await expect(options(page).first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=TRD/);
  await expect(page.locator('main article').first()).toBeVisible({ timeout: 15_000 });
  expect(problems).toEqual([]);
});

test('the results page shows section-level results with marked excerpts, certainty and section', async ({ page, baseURL }) => {
  const problems = await watch(page, baseURL!);
  await page.goto('/search?q=Spravato%20dose');
  await expect(page.locator('main [role="status"]')).toHaveText(/\d+ pages match “Spravato dose”/, { timeout: 15_000 });
  const first = page.locator('main article').first();
  await expect(first.locator('h2 a')).toHaveAttribute('href', /^\/docs\//);
  await expect(first.locator('mark').first()).toBeVisible();
  await expect(first).toContainText(/certainty|Official record/);
  const links = await page.locator('main article h2 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  expect(
    links.some((href) => href?.includes('#')),
    'some results link to a section heading',
  ).toBe(true);
  expect(links.slice(0, 3).some((href) => new RegExp(`${NEWEST.replace('.', '\\.')}/routes/(dosing-ranges|intranasal-esketamine)`).test(href!))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);

  await page.locator('main article h2 a[href*="#"]').first().click();
  const hash = new URL(page.url()).hash;
  expect(hash).not.toBe('');
  await expect(page.locator(decodeURIComponent(hash))).toBeInViewport();
  expect(problems).toEqual([]);
});

test('the results page filters by section, certainty and edition', async ({ page, baseURL }) => {
  const problems = await watch(page, baseURL!);
  await page.goto('/search?q=esketamine');
  await expect(page.locator('main article').first()).toBeVisible({ timeout: 15_000 });

  await page.getByLabel('Section', { exact: true }).selectOption('Risks and safety');
  await expect(page).toHaveURL(/section=Risks\+and\+safety/);
  await expect(page.locator('main [role="status"]')).toHaveText(/pages? match “esketamine” in Risks and safety\./, { timeout: 15_000 });
  const sections = await page.locator('main article').evaluateAll((articles) => articles.map((a) => a.querySelector('p')?.textContent ?? ''));
  expect(sections.length).toBeGreaterThan(0);
  for (const section of sections) expect(section).toContain('Risks and safety');

  await page.getByLabel('Section', { exact: true }).selectOption('');
  await page.getByLabel('Certainty', { exact: true }).selectOption('Official record');
  await expect(page).toHaveURL(/certainty=Official\+record/);
  await expect(page.locator('main [role="status"]')).toHaveText(/pages? match “esketamine” in Official record\./, { timeout: 15_000 });
  const labels = await page.locator('main article').evaluateAll((articles) => articles.map((a) => a.querySelector('p')?.textContent ?? ''));
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(label).toContain('Official record');

  await page.getByLabel('Certainty', { exact: true }).selectOption('');
  await page.getByLabel('Edition', { exact: true }).selectOption('current');
  await expect(page).toHaveURL(/edition=current/);
  await expect(page.locator('main [role="status"]')).toHaveText(/pages? match “esketamine” in edition Next \(draft\)\./, { timeout: 15_000 });
  const hrefs = await page.locator('main article h2 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/docs\/next\//);
  expect(problems).toEqual([]);
});

test('a page of the Next edition searches the Next index', async ({ page, baseURL }) => {
  const problems = await watch(page, baseURL!);
  await page.goto('/docs/next/conditions/ptsd', { waitUntil: 'networkidle' });
  await page.keyboard.press('Control+k');
  await combobox(page).fill('ketamine bladder');
  await expect(options(page).first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/docs\/next\//);
  expect(problems).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the results page offers the plain form and says search needs JavaScript', async ({ page }) => {
    await page.goto('/search?q=TRD');
    const form = page.locator('main form[action="/search"]');
    await expect(form).toBeVisible();
    await expect(form.locator('input[name="q"]')).toBeVisible();
    await expect(page.locator('main')).toContainText('Search needs JavaScript');
    await expect(page.locator(`main a[href="${NEWEST}/reference/evidence-map"]`)).toBeVisible();
    await expect(page.locator(`main a[href="${NEWEST}/reference/glossary"]`)).toBeVisible();
  });
});
