/**
 * Shared knowledge for the end-to-end tests: the built site's URLs (from
 * its sitemap) and which of them are topic pages (from the content index).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentIndex } from '../content/contentIndex';
import { DOCS_DIR, SITE_DIR } from '../content/paths';

export const BUILD_DIR = join(SITE_DIR, 'build');

/** Paths of every page in the built sitemap, e.g. `/docs/conditions/ptsd`. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(BUILD_DIR, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

export function docUrl(docPath: string, base = '/docs/'): string {
  return base + docPath.replace(/\.md$/, '').replace(/(^|\/)index$/, '');
}

/** Topic pages of the current docs, with the URL each is served at. */
export function topicPages() {
  return loadContentIndex(DOCS_DIR)
    .filter((page) => page.pageType === 'topic')
    .map((page) => ({ ...page, url: docUrl(page.docPath).replace(/\/$/, '') }));
}
