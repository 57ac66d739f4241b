/**
 * Search relevance on real clinicians' queries (search-queries.yaml): each
 * query is typed into the site's search results page in Chromium, and the
 * page that answers it must be among the first three results for at least
 * 95% of them (38 of the first 40). The misses are printed, so a reader's
 * failed query can be added to the file and watched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

interface Query {
  readonly query: string;
  readonly expect: readonly string[];
  readonly kind: string;
}

const QUERIES = parse(readFileSync(join(__dirname, 'search-queries.yaml'), 'utf8')) as Query[];
const TOP = 3;

test('the search puts the answering page in the top three for real clinicians’ queries', async ({ page }) => {
  test.setTimeout(240_000);
  expect(QUERIES.length).toBeGreaterThanOrEqual(40);
  const required = Math.ceil(QUERIES.length * 0.95);
  const misses: string[] = [];
  for (const { query, expect: expected, kind } of QUERIES) {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    const summary = page.locator('main [role="status"]');
    await expect(summary).toHaveText(/match|No results/, { timeout: 20_000 });
    const links = await page.locator('main article h2 a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // The queries name pages without an edition; results link to the edition searched.
    const top = links.slice(0, TOP).map((path) => path.replace(/^\/docs\/(\d{4}\.\d+|next)(\/|$)/, '/docs$2'));
    if (!top.some((path) => expected.includes(path))) misses.push(`${kind}: “${query}” expected ${expected.join(' or ')}, got ${top.join(', ') || 'nothing'}`);
  }
  // The misses are the report this test exists for: print them even when the threshold is met.
  console.log(`search relevance: ${QUERIES.length - misses.length}/${QUERIES.length} in the top ${TOP}${misses.map((m) => `\n  miss: ${m}`).join('')}`);
  expect(QUERIES.length - misses.length, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(required);
});
