/**
 * Visits every page of the built site as a reader would (the sitemap's
 * pages and the Next drafts): no console errors, no failed requests,
 * nothing fetched from another host, no Content-Security-Policy violation
 * under the policy in the page, and no serious or critical accessibility
 * violations (axe, WCAG 2.1 A and AA).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { draftPages, sitemapPaths } from './site';

const paths = [...new Set([...sitemapPaths(), ...draftPages().map((page) => page.permalink)])];

test('the sitemap and the drafts list the site’s pages', () => {
  expect(sitemapPaths().length).toBeGreaterThan(50);
  expect(draftPages().length).toBeGreaterThan(50);
});

for (const path of paths) {
  test(`page ${path} loads cleanly, locally and accessibly`, async ({ page, baseURL }) => {
    const problems: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      problems.push(`request to another host: ${url}`);
      return route.abort();
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
      });
    });
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status(), `HTTP status of ${path}`).toBe(200);
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
    expect([...problems, ...serious]).toEqual([]);
  });
}
