/**
 * The sites the benchmark builds, each in its own folder under .benchmark/:
 * synthetic sites (this site's code and configuration, or a stock
 * Docusaurus site, on the same generated Markdown) and a stock site on the
 * real site's Markdown (every edition). The real site itself is built in
 * place, into a folder of its own.
 *
 * Builds are cold on both sides: Docusaurus Faster's persistent Rspack
 * cache is switched off through its environment variable (the shared
 * node_modules/.cache is never touched), and each site's generated
 * .docusaurus folder is removed first.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureCommand, outputBreakdown, type RunResult } from './measure';
import { phaseRecord } from './profile';
import type { BuildRun } from './results';
import { STOCK_HOME, STOCK_SIDEBARS, stockConfig } from './stockSite';
import { SYNTHETIC_DATASET_ID, syntheticDataset, writeSyntheticDocs } from './synthetic';

export type Side = 'ours' | 'stock';

/** What a site of ours is made of (copied from a checkout). */
const OUR_SITE_ENTRIES = ['src', 'static', 'sidebars.ts', 'docusaurus.config.ts'];

function startSite(dir: string, sourceDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(resolve(sourceDir, 'node_modules'), join(dir, 'node_modules'));
  for (const file of ['package.json', 'tsconfig.json']) cpSync(join(sourceDir, file), join(dir, file));
}

function writeStock(dir: string, realSite: boolean): void {
  writeFileSync(join(dir, 'docusaurus.config.ts'), stockConfig(realSite));
  writeFileSync(join(dir, 'sidebars.ts'), STOCK_SIDEBARS);
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'src', 'pages', 'index.md'), STOCK_HOME);
}

/**
 * A synthetic site of `pages` pages in `dir`: ours (the code and
 * configuration of `sourceDir`, a checkout of this site, plus the synthetic
 * trial dataset) or stock. Returns the number of pages written.
 */
export function prepareSyntheticSite(dir: string, side: Side, pages: number, keys: readonly string[], sourceDir: string): number {
  startSite(dir, sourceDir);
  if (side === 'ours') {
    for (const entry of OUR_SITE_ENTRIES) cpSync(join(sourceDir, entry), join(dir, entry), { recursive: true });
    mkdirSync(join(dir, 'src', 'data', 'trials'), { recursive: true });
    writeFileSync(join(dir, 'src', 'data', 'trials', `${SYNTHETIC_DATASET_ID}.yaml`), syntheticDataset(keys));
  } else {
    writeStock(dir, false);
  }
  return writeSyntheticDocs(join(dir, 'docs'), pages, keys);
}

/** A copy of a checkout of this site (its code, content and configuration), so it can be built while the checkout changes. */
export function snapshotSite(dir: string, sourceDir: string): void {
  startSite(dir, sourceDir);
  for (const entry of [...OUR_SITE_ENTRIES, 'docs', 'versioned_docs', 'versioned_sidebars', 'versions.json']) {
    if (existsSync(join(sourceDir, entry))) cpSync(join(sourceDir, entry), join(dir, entry), { recursive: true });
  }
}

/** The real site's Markdown (docs/, every edition, their sidebars and versions.json) under a stock configuration. */
export function prepareStockRealSite(dir: string, siteDir: string): number {
  startSite(dir, siteDir);
  writeStock(dir, true);
  for (const entry of ['docs', 'versioned_docs', 'versioned_sidebars', 'versions.json', 'static']) {
    if (!existsSync(join(siteDir, entry))) continue;
    cpSync(join(siteDir, entry), join(dir, entry), { recursive: true });
  }
  return countMarkdown(join(dir, 'docs')) + countMarkdown(join(dir, 'versioned_docs'));
}

function countMarkdown(dir: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(at, entry.name));
      else if (entry.name.endsWith('.md') && !entry.name.startsWith('_')) count += 1;
    }
  };
  walk(dir);
  return count;
}

export interface BuildOptions {
  /** Where the build goes (Docusaurus's --out-dir); `<siteDir>/build` when omitted. */
  readonly outDir?: string;
  /** Extra Node flags, e.g. --cpu-prof. */
  readonly nodeFlags?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

/** Environment of every measured build: cold, with Docusaurus's phase log and this site's timing lines. */
export const BUILD_ENV = { NODE_ENV: 'production', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true', DOCUSAURUS_PERF_LOGGER: 'true', BUILD_TIMING: '1' } as const;

export async function buildSite(siteDir: string, options: BuildOptions = {}): Promise<{ run: BuildRun; result: RunResult; outDir: string }> {
  rmSync(join(siteDir, '.docusaurus'), { recursive: true, force: true });
  const outDir = options.outDir ?? join(siteDir, 'build');
  const docusaurus = join(siteDir, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
  const result = await measureCommand(process.execPath, [...(options.nodeFlags ?? []), docusaurus, 'build', '--out-dir', outDir], siteDir, {
    ...BUILD_ENV,
    ...options.env,
  });
  if (result.status !== 0) throw new Error(`build failed in ${siteDir}:\n${result.output.slice(-4000)}`);
  const output = outputBreakdown(outDir);
  const outputBytes = Object.values(output).reduce((a, b) => a + b, 0);
  return {
    run: { seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakMemoryMb: result.peakMemoryMb, outputBytes, output, phases: phaseRecord(result.output) },
    result,
    outDir,
  };
}
