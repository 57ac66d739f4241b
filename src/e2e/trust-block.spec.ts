/**
 * Every topic page, in every built edition and in Next, ends with "About
 * this page": who wrote it (from the repository history, or plainly that
 * the history is unavailable), its independent clinical review (pending
 * while no reviewer is recorded), disclosures, the literature search date
 * and the editorial policy of the same edition; after the references and
 * before "Cite this page". Static HTML, no JavaScript.
 */
import { expect, test } from '@playwright/test';
import { manifest, timeFor } from './site';

test.use({ javaScriptEnabled: false });

const topics = manifest().filter((page) => page.pageType === 'topic');

test('every topic page is checked', () => {
  expect(topics.length).toBeGreaterThan(80);
});

test('every topic page says who wrote and reviewed it, their disclosures and when the literature was searched', async ({ page }) => {
  test.setTimeout(timeFor(topics));
  for (const topic of topics) {
    await page.goto(topic.permalink);
    const block = page.locator('article section.trust-block');
    await expect(block, topic.permalink).toHaveCount(1);
    await expect(block.locator('h2#about-this-page')).toHaveText('About this page');
    const fact = (term: string) => block.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
    await expect(fact('Written by'), topic.permalink).toHaveText(
      /^(\S.*, from the repository history of this page’s file\.|The repository history is unavailable to this build \(.+\), so contributors cannot be named here.*)$/,
    );
    // No page has a recorded reviewer yet; the day one signs off, this line names them instead.
    await expect(fact('Clinical review'), topic.permalink).toHaveText(/^Independent clinical review is pending/);
    await expect(fact('Disclosures of interests')).toContainText('The site accepts no funding from industry');
    await expect(fact('Disclosures of interests')).toContainText('No individual disclosures are recorded for the authors.');
    if (topic.literatureSearched) {
      await expect(fact('Literature last searched').locator('time'), topic.permalink).toHaveAttribute('datetime', topic.literatureSearched);
    } else {
      await expect(fact('Literature last searched'), topic.permalink).toHaveText(`Not recorded in edition ${topic.edition}.`);
    }
    const policy = fact('Editorial policy').getByRole('link', { name: 'Editorial policy' });
    await expect(policy).toHaveAttribute(
      'href',
      new RegExp(`^${topic.permalink.slice(0, topic.permalink.indexOf('/', topic.permalink.indexOf('/docs/') + 6))}/reference/editorial-policy(#roles)?$`),
    );
    const order = await page.evaluate(() => {
      const at = (selector: string) => document.querySelector(`article ${selector}`);
      const [references, trust, cite] = [at('ol.references'), at('section.trust-block'), at('details[class*="cite"]')];
      return Boolean(
        references &&
        trust &&
        cite &&
        references.compareDocumentPosition(trust) & Node.DOCUMENT_POSITION_FOLLOWING &&
        trust.compareDocumentPosition(cite) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(order, `${topic.permalink}: references, then the trust block, then "Cite this page"`).toBe(true);
  }
});

test('guides and reading lists carry no trust block', async ({ page }) => {
  for (const other of manifest()
    .filter((page) => page.pageType !== 'topic')
    .slice(0, 6)) {
    await page.goto(other.permalink);
    await expect(page.locator('article section.trust-block'), other.permalink).toHaveCount(0);
  }
});
