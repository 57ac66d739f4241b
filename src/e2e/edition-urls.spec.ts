/**
 * Editions that stay put: every page of a published edition answers at its
 * permanent address and names that address as canonical; Next (draft)
 * pages tell search engines not to index them and stay out of the sitemap;
 * "Edit this page" leads into docs/, and is absent where there is nothing
 * to edit (generated pages). Reads the static HTML (no JavaScript), the
 * way a crawler and a citation manager do.
 */
import { expect, test } from '@playwright/test';
import { SITE } from '../content/site';
import { manifest, sitemapPaths } from './site';

test.use({ javaScriptEnabled: false });

const pages = manifest();
const editions = pages.filter((page) => page.version !== 'current');
const drafts = pages.filter((page) => page.version === 'current');
const REPOSITORY_URL = process.env.REPOSITORY_URL ?? SITE.repositoryUrl;
/**
 * Pages whose body is generated from other pages or data, with under 100 words of their own (src/content/editLinks.ts):
 * nothing in their file to edit. The review queue is generated too, but now also lists open verification items written
 * by hand, so by the same rule it keeps its edit link.
 */
const GENERATED = new Set(['reference/bibliography.md', 'reference/evidence-map.md', 'reference/glossary.md', 'reference/what-changed.md']);

const canonicalOf = (html: string) => /<link[^>]*rel="?canonical"?[^>]*href="?([^"\s>]+)/.exec(html)?.[1];

test('the manifest lists published editions and Next', () => {
  expect(editions.length).toBeGreaterThan(40);
  expect(drafts.length).toBeGreaterThan(40);
});

test('every page of a published edition answers 200 at its permanent address, with that address as canonical', async ({ request }) => {
  for (const page of editions) {
    const response = await request.get(page.permalink, { maxRedirects: 0 });
    expect(response.status(), page.permalink).toBe(200);
    const html = await response.text();
    expect(canonicalOf(html), `canonical of ${page.permalink}`).toBe(page.url);
    expect(html, `robots of ${page.permalink}`).not.toMatch(/<meta[^>]*name="?robots"?[^>]*noindex/);
  }
});

test('every Next (draft) page carries noindex and names the newest edition’s page as canonical, and none is in the sitemap', async ({ request }) => {
  const newest = editions[0]!.version;
  for (const page of drafts) {
    const html = await (await request.get(page.permalink)).text();
    expect(html, page.permalink).toMatch(/<meta[^>]*name="?robots"?[^>]*content="?noindex/);
    const edition = editions.find((e) => e.version === newest && e.docPath === page.docPath);
    expect(canonicalOf(html), page.permalink).toBe(edition ? edition.url : page.url);
  }
  const sitemap = sitemapPaths();
  expect(sitemap.filter((path) => path.includes('/docs/next'))).toEqual([]);
  for (const page of editions) expect(sitemap, page.permalink).toContain(page.permalink);
});

test('"Edit this page" leads to the page’s file in docs/, for every edition, and is absent on generated pages', async ({ page: browser }) => {
  for (const page of pages) {
    await browser.goto(page.permalink);
    const edit = browser.locator('article a.theme-edit-this-page');
    if (GENERATED.has(page.docPath)) {
      await expect(edit, page.permalink).toHaveCount(0);
    } else {
      await expect(edit, page.permalink).toHaveAttribute('href', `${REPOSITORY_URL}/edit/main/docs/${page.docPath}`);
    }
  }
});
