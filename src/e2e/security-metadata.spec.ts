/**
 * What the static HTML of every page promises to browsers, search engines
 * and reference tools: a Content-Security-Policy, safe external links, no
 * inline event handlers, the usual metadata, and on topic pages JSON-LD
 * that lists the works the page cites.
 */
import { expect, test } from '@playwright/test';
import { sitemapPaths, topicPages } from './site';

const paths = sitemapPaths();

for (const path of paths) {
  test(`static HTML of ${path} has a policy, safe links and metadata`, async ({ request }) => {
    const html = await (await request.get(path)).text();
    expect(html).toMatch(/<meta http-equiv="?Content-Security-Policy"? content="?default-src 'self'/);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    for (const [tag] of html.matchAll(/<a [^>]*href="?https?:\/\/[^>]*>/g)) {
      if (/href="?https?:\/\/(localhost|127\.0\.0\.1)/.test(tag)) continue;
      expect(tag, 'external link').toMatch(/rel="?[^">]*noopener/);
      expect(tag, 'external link').toMatch(/rel="?[^">]*noreferrer/);
    }
    for (const name of ['name="?description"?', 'rel="?canonical"?', 'property="?og:title"?', 'property="?og:description"?', 'property="?og:image"?']) {
      expect(html, name).toMatch(new RegExp(`<(meta|link)[^>]*${name}`));
    }
  });
}

for (const topic of topicPages()) {
  test(`JSON-LD of ${topic.url} describes a reviewed medical page and its citations`, async ({ request }) => {
    const html = await (await request.get(topic.url)).text();
    const blocks = [...html.matchAll(/<script[^>]*type="?application\/ld\+json"?[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    const page = blocks.find((b) => b['@type'] === 'MedicalWebPage');
    expect(page).toBeDefined();
    expect(page.lastReviewed).toBe(topic.lastReviewed);
    const references = (html.match(/<li[^>]*\bid="?ref-/g) ?? []).length;
    expect(page.citation.length).toBe(references);
    expect(page.citation.length).toBeGreaterThan(0);
    for (const work of page.citation) expect(typeof work.name).toBe('string');
  });
}
