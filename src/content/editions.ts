/**
 * Editions, defined once. An edition is a dated Docusaurus docs version
 * (for example `2026.1`) listed in versions.json, newest first. Every
 * edition is served at its permanent address, /docs/<edition>/…, which is
 * also its canonical address: a syllabus can cite it and it never changes.
 * The unversioned /docs/… path means "the newest edition": it redirects to
 * the newest edition's page, so a bookmark always opens the latest text
 * while the address bar shows the address that will not change. Work in
 * progress is "Next" at /docs/next/, a draft that search engines are told
 * not to index.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_RULES, type ContentRules } from './frontMatter';

export const NEXT_LABEL = 'Next (draft)';
export const NEXT_PATH = 'next';
/** The docs plugin's route base path. */
export const DOCS_BASE = 'docs';

/**
 * Editions cut before a front-matter field became required keep building
 * without it: 2026.1 predates the bottom line, the label's question and the
 * literature-search date.
 */
const EDITION_RULES: Readonly<Record<string, ContentRules>> = {
  '2026.1': { rules2026_2: false },
};

export function contentRulesFor(version: string): ContentRules {
  return EDITION_RULES[version] ?? CURRENT_RULES;
}

/** An edition's name: year and number, e.g. 2026.2. */
export const EDITION_NAME = /^(\d{4})\.(\d+)$/;

/** Orders edition names by year, then number: 2026.10 comes after 2026.9. */
export function isLaterEdition(name: string, than: string): boolean {
  const a = EDITION_NAME.exec(name);
  const b = EDITION_NAME.exec(than);
  if (!a || !b) return false;
  return Number(a[1]) > Number(b[1]) || (a[1] === b[1] && Number(a[2]) > Number(b[2]));
}

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

/** The URL path segment of a version: the edition name, or `next` for the draft. */
export function versionPath(version: string): string {
  return version === 'current' ? NEXT_PATH : version;
}

/** How a version is named to readers: "2026.1", or "Next (draft)". */
export function versionLabel(version: string): string {
  return version === 'current' ? NEXT_LABEL : version;
}

export interface DocsVersionOptions {
  lastVersion?: string;
  versions: Record<string, { label: string; path?: string; banner?: 'none' | 'unreleased' | 'unmaintained'; noIndex?: boolean }>;
  onlyIncludeVersions?: string[];
}

/**
 * Docs plugin options for the editions. Every edition lives at its own
 * path; `only` limits the build to some editions (plus Next) for fast
 * local builds and for archiving old ones.
 */
export function docsVersionOptions(siteDir: string, only?: readonly string[]): DocsVersionOptions {
  const editions = listEditions(siteDir);
  const latest = editions[0];
  const versions: DocsVersionOptions['versions'] = {
    current: { label: NEXT_LABEL, path: latest ? NEXT_PATH : undefined, banner: latest ? 'unreleased' : 'none', noIndex: Boolean(latest) },
  };
  editions.forEach((edition, index) => {
    versions[edition] = { label: edition, path: edition, banner: index === 0 ? 'none' : 'unmaintained' };
  });
  const included = only?.length ? ['current', ...editions.filter((e) => only.includes(e))] : undefined;
  return { ...(latest ? { lastVersion: latest } : {}), versions, ...(included ? { onlyIncludeVersions: included } : {}) };
}

/** The path of a page of the newest edition (of the docs themselves before the first edition is cut), for links outside the docs. */
export function latestDocPath(siteDir: string, docPath: string): string {
  const latest = listEditions(siteDir)[0];
  const slug = docPath.replace(/\.md$/, '').replace(/(^|\/)index$/, '');
  return `/${[DOCS_BASE, latest, slug].filter(Boolean).join('/')}`;
}
