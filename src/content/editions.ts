/**
 * Editions, defined once. An edition is a dated Docusaurus docs version
 * (for example `2026.1`) listed in versions.json, newest first. The newest
 * edition is the default at /docs/; work in progress is "Next" at
 * /docs/next/. Every edition also answers at /docs/<edition>/ for good, so
 * a syllabus can link to a URL that will not change when the next edition
 * is cut.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NEXT_LABEL = 'Next';
export const NEXT_PATH = 'next';

/** Editions from versions.json, newest first; empty before the first edition is cut. */
export function listEditions(siteDir: string): string[] {
  const file = join(siteDir, 'versions.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [];
}

/** The content root of an edition (`current` is docs/). */
export function editionRoot(siteDir: string, version: string): string {
  return version === 'current' ? join(siteDir, 'docs') : join(siteDir, 'versioned_docs', `version-${version}`);
}

/** The edition a version is compared with on its "what changed" page. */
export function previousEdition(version: string, editions: readonly string[]): string | undefined {
  if (version === 'current') return editions[0];
  const index = editions.indexOf(version);
  return index === -1 ? undefined : editions[index + 1];
}

export interface DocsVersionOptions {
  lastVersion?: string;
  versions: Record<string, { label: string; path?: string; banner?: 'none' | 'unreleased' | 'unmaintained' }>;
  onlyIncludeVersions?: string[];
}

/**
 * Docs plugin options for the editions. `only` limits the build to some
 * editions (plus Next) for fast local builds and for archiving old ones.
 */
export function docsVersionOptions(siteDir: string, only?: readonly string[]): DocsVersionOptions {
  const editions = listEditions(siteDir);
  const latest = editions[0];
  const versions: DocsVersionOptions['versions'] = {
    current: { label: NEXT_LABEL, ...(latest ? { path: NEXT_PATH, banner: 'unreleased' as const } : {}) },
  };
  editions.forEach((edition, index) => {
    versions[edition] = { label: index === 0 ? `${edition} (current edition)` : edition, banner: index === 0 ? 'none' : 'unmaintained' };
  });
  const included = only?.length ? ['current', ...editions.filter((e) => only.includes(e))] : undefined;
  return { ...(latest ? { lastVersion: latest } : {}), versions, ...(included ? { onlyIncludeVersions: included } : {}) };
}

/**
 * The newest edition lives at /docs/; its permanent address /docs/<edition>/
 * redirects there until a newer edition is cut, when the pages themselves
 * move to that address. For the plugin-client-redirects `createRedirects`.
 */
export function editionRedirects(siteDir: string, baseUrl = '/'): (path: string) => string[] | undefined {
  const editions = listEditions(siteDir);
  const latest = editions[0];
  const docs = `${baseUrl.replace(/\/$/, '')}/docs`;
  const other = [NEXT_PATH, ...editions].map((name) => `${docs}/${name}`);
  return (path) => {
    if (!latest || !(path === docs || path.startsWith(`${docs}/`))) return undefined;
    if (other.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return undefined;
    return [`${docs}/${latest}${path.slice(docs.length)}`];
  };
}
