/**
 * What the static HTML of every page promises to browsers, search engines
 * and reference tools: the Content-Security-Policy first in <head>, safe
 * external links, no inline event handlers, the usual metadata; on topic
 * pages JSON-LD listing the works the page cites, Highwire citation_* tags
 * a reference manager reads, and the page's references as CSL-JSON.
 */
import { expect, test } from '@playwright/test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { manifest, sitemapPaths, topicPages } from './site';
import { referenceDownloadPath } from '../content/pageCitation';

type Element = DefaultTreeAdapterMap['element'];
const elements = (node: DefaultTreeAdapterMap['node']): Element[] => [
  ...('tagName' in node ? [node as Element] : []),
  ...('childNodes' in node ? (node.childNodes as DefaultTreeAdapterMap['node'][]).flatMap(elements) : []),
];
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

for (const path of [...new Set([...sitemapPaths(), ...manifest().map((page) => page.permalink)])]) {
  test(`static HTML of ${path} has a policy first in <head>, safe links and metadata`, async ({ request }) => {
    const html = await (await request.get(path)).text();
    const all = elements(parse(html));
    const head = all.find((e) => e.tagName === 'head')!;
    const first = head.childNodes.find((n) => 'tagName' in n) as Element;
    expect(first.tagName).toBe('meta');
    expect(attr(first, 'http-equiv')).toBe('Content-Security-Policy');
    expect(attr(first, 'content')).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'; /);
    expect(all.filter((e) => e.attrs.some((a) => /^on/i.test(a.name))).map((e) => e.tagName)).toEqual([]);
    for (const link of all.filter((e) => e.tagName === 'a' && /^https?:\/\//.test(attr(e, 'href') ?? ''))) {
      expect(attr(link, 'rel'), attr(link, 'href')).toMatch(/noopener/);
      expect(attr(link, 'rel'), attr(link, 'href')).toMatch(/noreferrer/);
    }
    for (const [key, value] of [
      ['name', 'description'],
      ['rel', 'canonical'],
      ['property', 'og:title'],
      ['property', 'og:description'],
      ['property', 'og:image'],
    ]) {
      expect(
        all.some((e) => attr(e, key!) === value),
        value,
      ).toBe(true);
    }
  });
}

for (const topic of topicPages()) {
  test(`metadata of ${topic.permalink} describes a reviewed medical page and its citations`, async ({ request }) => {
    const html = await (await request.get(topic.permalink)).text();
    const all = elements(parse(html));
    const blocks = all
      .filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json')
      .map((e) => JSON.parse((e.childNodes[0] as { value: string }).value));
    const medical = blocks.find((b) => b['@type'] === 'MedicalWebPage');
    expect(medical.lastReviewed).toBe(topic.lastReviewed);
    expect(medical.url).toBe(topic.url);
    expect(medical.version).toBe(topic.edition);
    const entries = all.filter((e) => e.tagName === 'li' && /^ref-/.test(attr(e, 'id') ?? '')).length;
    expect(medical.citation.length).toBe(entries);
    expect(entries).toBe(topic.citedKeys.length);
    for (const work of medical.citation) for (const author of work.author ?? []) expect(['Person', 'Organization']).toContain(author['@type']);

    // Highwire tags, as Zotero's connector and Google Scholar read them.
    const meta = (name: string) => all.filter((e) => e.tagName === 'meta' && attr(e, 'name') === name).map((e) => attr(e, 'content')!);
    expect(meta('citation_title')).toEqual([topic.title]);
    expect(meta('citation_public_url')).toEqual([topic.url]);
    expect(meta('citation_edition')).toEqual([topic.edition]);
    expect(meta('citation_date')).toEqual([topic.lastReviewed.replaceAll('-', '/')]);
    const references = meta('citation_reference');
    expect(references).toHaveLength(entries);
    for (const reference of references) expect(reference).toMatch(/^citation_title=[^;]+(; citation_[a-z_]+=[^;]+)+$/);
    // No BibTeX markup (\emph{…}, {\'e}) leaks into the tags or the reference list; formulas elsewhere are TeX on purpose.
    expect(html).toContain('<ol class=references');
    const referenceList = html.slice(html.indexOf('<ol class=references'));
    for (const text of [...references, referenceList.slice(0, referenceList.indexOf('</ol>'))]) expect(text).not.toMatch(/\\[a-z]+\{|\{\\/);

    const csl = await request.get(referenceDownloadPath(topic.permalink, 'json'));
    expect(csl.status()).toBe(200);
    const items = (await csl.json()) as { id: string }[];
    expect(items.map((item) => item.id)).toEqual(topic.citedKeys);
  });
}
