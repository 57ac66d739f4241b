/**
 * Where the site keeps its content, named once. Every script, plugin and
 * test resolves paths through these constants.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { PACKETS_DIR } from '../packet/files';

/**
 * The site folder: the nearest folder at or above the working directory
 * that holds docusaurus.config.ts. (Module-relative paths would need
 * `import.meta`, which not every tool that loads this file supports.)
 */
function findSiteDir(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'docusaurus.config.ts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No docusaurus.config.ts at or above ${start}: run this command inside the site folder.`);
    dir = parent;
  }
  return dir;
}

/** The site folder of the command being run; plugins receive theirs through options instead. */
export const SITE_DIR = findSiteDir(process.cwd());

/** Where a site keeps each kind of content, derived from its folder. */
export interface SitePaths {
  readonly siteDir: string;
  readonly docs: string;
  readonly versionedDocs: string;
  readonly pages: string;
  readonly static: string;
  readonly data: string;
  readonly bibliography: string;
  readonly citationStyle: string;
  readonly glossary: string;
  readonly pkParameters: string;
  readonly trials: string;
  readonly labelFacts: string;
  readonly searchSynonyms: string;
  /** PDF packets written by the PDF command, published with the site when present. */
  readonly packets: string;
}

export function sitePaths(siteDir: string, overrides: Partial<SitePaths> = {}): SitePaths {
  const data = overrides.data ?? join(siteDir, 'src', 'data');
  return {
    siteDir,
    docs: join(siteDir, 'docs'),
    versionedDocs: join(siteDir, 'versioned_docs'),
    pages: join(siteDir, 'src', 'pages'),
    static: join(siteDir, 'static'),
    data,
    bibliography: join(data, 'references.bib'),
    // The citation style is part of the site's tools, so fixture sites and the real site share it.
    citationStyle: join(SITE_DIR, 'src', 'citations', 'ama.csl'),
    glossary: join(data, 'glossary.json'),
    pkParameters: join(data, 'pk-parameters.json'),
    trials: join(data, 'trials'),
    labelFacts: join(data, 'label-facts.yaml'),
    searchSynonyms: join(data, 'search-synonyms.yaml'),
    packets: join(siteDir, PACKETS_DIR),
    ...overrides,
  };
}

export const PATHS = sitePaths(SITE_DIR);

export interface DocLocation {
  /** The content root: docs/ or versioned_docs/version-X/. */
  readonly root: string;
  /** The path inside the root, with forward slashes, e.g. `conditions/ptsd.md`. */
  readonly docPath: string;
  /** `current` for docs/, else the edition name. */
  readonly version: string;
}

/** Locates a Markdown file inside docs/ or an edition's versioned_docs/ folder. */
export function docLocation(filePath: string, siteDir: string): DocLocation | undefined {
  const fromSite = relative(siteDir, filePath).split(sep).join('/');
  const current = /^docs\/(.+)$/.exec(fromSite);
  if (current) return { root: join(siteDir, 'docs'), docPath: current[1]!, version: 'current' };
  const versioned = /^versioned_docs\/version-([^/]+)\/(.+)$/.exec(fromSite);
  if (versioned) {
    return {
      root: join(siteDir, 'versioned_docs', `version-${versioned[1]}`),
      docPath: versioned[2]!,
      version: versioned[1]!,
    };
  }
  return undefined;
}
