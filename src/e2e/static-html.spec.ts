/**
 * With JavaScript disabled, every topic page still shows its evidence
 * label, numbered citations that lead to its reference list, and reference
 * entries with DOI or PubMed links: the static HTML is complete.
 */
import { expect, test } from '@playwright/test';
import { topicPages } from './site';

test.use({ javaScriptEnabled: false });

for (const topic of topicPages()) {
  test(`static HTML of ${topic.url} carries label, citations and references`, async ({ page }) => {
    await page.goto(topic.url);
    const article = page.locator('article');
    const label = article.locator('.evidence-label[data-evidence-level]').first();
    await expect(label).toHaveAttribute('data-evidence-level', topic.label!);
    await expect(label).toContainText(/certainty|Official record/);

    const links = article.locator('a.citation__link');
    expect(await links.count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href')));
    for (const href of new Set(hrefs)) {
      expect(href).toMatch(/^#ref-[a-z]+\d{4}[a-z]+$/);
      await expect(article.locator(`ol.references li${href}`)).toHaveCount(1);
    }
    const entries = article.locator('ol.references li');
    expect(await entries.count()).toBe(new Set(hrefs).size);
    const identified = article.locator('ol.references li:has(a[href^="https://doi.org/"]), ol.references li:has(a[href^="https://pubmed.ncbi.nlm.nih.gov/"]), ol.references li:has(a[href^="https://pmc.ncbi.nlm.nih.gov/"]), ol.references li:has(a[href^="https://"])');
    expect(await identified.count()).toBe(await entries.count());
  });
}
