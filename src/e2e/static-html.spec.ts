/**
 * With JavaScript disabled, every topic page still shows its evidence
 * label, numbered citations that lead to its reference list, and reference
 * entries with DOI or PubMed links: the static HTML is complete.
 */
import { expect, test } from '@playwright/test';
import { topicPages } from './site';

test.use({ javaScriptEnabled: false });

for (const topic of topicPages()) {
  test(`static HTML of ${topic.permalink} carries label, citations and references`, async ({ page }) => {
    await page.goto(topic.permalink);
    const article = page.locator('article');
    const label = article.locator('.evidence-label[data-evidence-level]').first();
    await expect(label).toHaveAttribute('data-evidence-level', topic.label!);
    await expect(label).toContainText(/certainty|Official record|human data|preclinical/);

    const links = article.locator('a.citation__link');
    expect(await links.count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href')));
    for (const href of new Set(hrefs)) {
      expect(href).toMatch(/^#ref-[a-z]+\d{4}[a-z]+$/);
      expect(topic.citedKeys).toContain(href!.slice('#ref-'.length));
      await expect(article.locator(`ol.references li${href}`)).toHaveCount(1);
    }
    const entries = article.locator('ol.references li');
    // A range such as 3–5 links only its ends, so entries are counted against the manifest.
    expect(await entries.count()).toBe(topic.citedKeys.length);
    // A study is found by its DOI, PubMed or PMC record; an official document by the issuing body's address.
    const studies = article.locator('ol.references li[data-reference-kind="study"]');
    const identified = studies.filter({
      has: page.locator('a[href^="https://doi.org/"], a[href^="https://pubmed.ncbi.nlm.nih.gov/"], a[href^="https://pmc.ncbi.nlm.nih.gov/"]'),
    });
    expect(await identified.count()).toBe(await studies.count());
    const official = article.locator('ol.references li[data-reference-kind="official"]');
    const located = official.filter({ has: page.locator('a.url[href^="https://"]') });
    expect(await located.count()).toBe(await official.count());
    expect((await studies.count()) + (await official.count())).toBe(await entries.count());
  });
}
