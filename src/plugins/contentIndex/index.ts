/**
 * Builds the content index once per build (src/content/contentIndex.ts):
 * every page of every edition parsed, checked and prepared, the
 * bibliography and data files loaded. Every content problem is reported
 * here, from one place, before anything is compiled; the build stops with
 * the full list when any is an error, so nothing wrong is published.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { loadSite, setCurrentSite, type SiteOptions } from '../../content/contentIndex';
import { preparePage } from '../../content/prepare';
import { ContentError, formatProblem, isError } from '../../content/problems';
import { timed } from '../../benchmark/timing';

export interface Options {
  readonly paths?: SiteOptions['paths'];
  /**
   * Stop the build on content errors. Only the security tests turn this
   * off, to prove the sanitizer and the Content-Security-Policy hold on
   * their own when the checks are bypassed.
   */
  readonly failOnProblems: boolean;
}

/**
 * A hash of everything a compiled page depends on beyond its own file: the
 * other pages (evidence map, back-links, what changed), the data files
 * (bibliography, trial datasets, label facts, glossary) and the site's own
 * code that renders them. The bundler's persistent cache keys a Markdown
 * module on that file alone, so without this a changed dataset or label
 * would be served from the cache, stale (seen in practice). Folding the
 * hash into the cache version evicts the cache when any input changes;
 * a build with unchanged content still reuses it.
 */
export function contentInputsHash(siteDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '__tests__' && entry.name !== 'e2e') walk(path);
      } else {
        hash.update(relative(siteDir, path)).update('\0').update(readFileSync(path)).update('\0');
      }
    }
  };
  for (const dir of ['docs', 'versioned_docs', 'src']) walk(join(siteDir, dir));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Each content change starts a new cache version (a folder of about 45 MB
 * under node_modules/.cache/rspack); the bundler never removes old ones, so
 * beyond the newest few, those unused for a day are removed here (a day, so
 * a build running beside this one never loses its cache).
 */
export function pruneBundlerCache(siteDir: string, keep = 4, now = Date.now()): void {
  const dir = join(siteDir, 'node_modules', '.cache', 'rspack');
  if (!existsSync(dir)) return;
  const versions = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ path: join(dir, entry.name), time: statSync(join(dir, entry.name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of versions.slice(keep)) if (now - old.time > 24 * 3600 * 1000) rmSync(old.path, { recursive: true, force: true });
}

export default function contentIndex(context: LoadContext, options: Options): Plugin {
  return {
    name: 'content-index',
    getPathsToWatch() {
      return [
        join(context.siteDir, 'docs/**/*.md'),
        join(context.siteDir, 'versioned_docs/**/*.md'),
        join(context.siteDir, 'src/data/**/*'),
        join(context.siteDir, 'src/citations/*.csl'),
      ];
    },
    configureWebpack(config) {
      const inputs = contentInputsHash(context.siteDir);
      pruneBundlerCache(context.siteDir);
      const experiments = config.experiments as { cache?: { version?: string } | boolean } | undefined;
      // Rspack (Docusaurus Faster) keeps its persistent cache under experiments.cache; webpack under cache.
      if (experiments?.cache && typeof experiments.cache === 'object')
        return { experiments: { ...experiments, cache: { ...experiments.cache, version: `${experiments.cache.version ?? ''}-${inputs}` } } } as never;
      if (config.cache && typeof config.cache === 'object' && config.cache.type === 'filesystem')
        return { cache: { ...config.cache, version: `${config.cache.version ?? ''}-${inputs}` } };
      return {};
    },
    async loadContent() {
      const site = timed('content index: read and check', () => loadSite({ siteDir: context.siteDir, paths: options.paths }));
      setCurrentSite(site);
      timed('content index: prepare pages', () => {
        for (const page of site.pageByFile.values()) preparePage(site, page);
      });
      const errors = site.problems.filter(isError);
      for (const warning of site.problems.filter((p) => !isError(p))) console.warn(`[content] ${formatProblem(warning, context.siteDir)}`);
      if (errors.length > 0) {
        if (options.failOnProblems) throw new ContentError(errors, context.siteDir);
        console.error(`[content] checks bypassed: ${errors.length} error(s) ignored; this build must not be published`);
      }
      return site;
    },
  };
}
