/**
 * Shared knowledge for the end-to-end tests: the built site's pages, from
 * the page manifest the build writes (build/pages.json, with Docusaurus's
 * own permalinks), and its sitemap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_DIR } from '../content/paths';
import { readManifest, type BuiltPage } from '../content/urls';

export const BUILD_DIR = join(SITE_DIR, 'build');

/** Paths of every page in the built sitemap, e.g. `/docs/2026.1/conditions/ptsd`. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(BUILD_DIR, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

export const manifest = (): BuiltPage[] => readManifest(BUILD_DIR);

/** The newest edition's topic pages (the edition readers land on), with the path each is served at. */
export function topicPages(version?: string): BuiltPage[] {
  const pages = manifest();
  const newest = version ?? pages.find((page) => page.version !== 'current')?.version ?? 'current';
  return pages.filter((page) => page.version === newest && page.pageType === 'topic' && page.label);
}

/** Next (draft) pages, which search engines are told not to index. */
export const draftPages = (): BuiltPage[] => manifest().filter((page) => page.version === 'current');

/**
 * The time limit of a test that visits every page of a list: 2 s a page (a
 * page usually takes well under half a second, but the CI machine is shared),
 * so that cutting another edition does not push such a test past a fixed limit.
 */
export const timeFor = (pages: readonly unknown[]): number => Math.max(60_000, pages.length * 2_000);
