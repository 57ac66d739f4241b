/**
 * Page addresses, from Docusaurus's own permalinks. The build writes
 * build/pages.json (every docs page with its permalink, edition, label and
 * citations); tools that run after the build (PDF packets, end-to-end
 * tests, the benchmark) read addresses from it instead of rebuilding URLs
 * by rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'pages.json';

/** One page of the build, as the manifest lists it. */
export interface BuiltPage {
  /** The page's full address: site URL + permalink. */
  readonly url: string;
  /** The path Docusaurus serves the page at, base URL included, e.g. `/docs/2026.1/conditions/ptsd`. */
  readonly permalink: string;
  readonly title: string;
  readonly description: string;
  /** `current` for Next, otherwise the edition name. */
  readonly version: string;
  /** How readers see the version: "2026.1" or "Next (draft)". */
  readonly edition: string;
  readonly docPath: string;
  readonly sectionId?: string;
  readonly pageType: string;
  readonly label?: string;
  readonly question?: string;
  readonly lastReviewed: string;
  readonly literatureSearched?: string;
  readonly citedKeys: readonly string[];
  /** The canonical address: the page itself, or for a Next page the newest edition's page. */
  readonly canonical: string;
}

export class ManifestMissingError extends Error {}

export function readManifest(buildDir: string): BuiltPage[] {
  const file = join(buildDir, MANIFEST_FILE);
  if (!existsSync(file)) throw new ManifestMissingError(`no built site in ${buildDir} (${MANIFEST_FILE} is missing): run \`npm run build\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltPage[];
}

export function findPage(manifest: readonly BuiltPage[], version: string, docPath: string): BuiltPage | undefined {
  return manifest.find((page) => page.version === version && page.docPath === docPath);
}
