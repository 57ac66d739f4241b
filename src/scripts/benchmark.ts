/**
 * `npm run benchmark`: the figures behind the performance budgets (issues
 * 14 and 19), measured in one run on this machine. Options: see
 * src/benchmark/options.ts (`--quick` for a run of a few minutes).
 *
 * 1. Synthetic sites of 50, 250 and 1,000 pages with this site's code and
 *    every feature a page can use (findings tables, `::synthesis` summaries
 *    with forest plots, bottom line, evidence label, citations and their
 *    metadata, search index), and stock Docusaurus on the same Markdown:
 *    wall and CPU time, peak memory, output by kind of file, Docusaurus's
 *    phases; ours and stock built alternately, several times.
 * 2. The real site (all editions) against stock on the same Markdown.
 * 3. The bytes of a first search, at each size and on the real site.
 * 4. The bytes of a first visit to a topic page, ours and stock.
 * 5. Lighthouse (mobile) on six page types of the real site.
 * 6. A profile of where build time goes (phases, steps, CPU by package).
 *
 * Writes REPORT.md and report.json (src/benchmark/ for a full run,
 * .benchmark/quick/ for --quick) and exits 1 when a budget is missed.
 * With --ab it runs an experiment instead (see options.ts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadBibliography } from '../citations/bibliography';
import { PATHS, SITE_DIR } from '../content/paths';
import { MANIFEST_FILE, type BuiltPage } from '../content/urls';
import { evaluateBudgets, bytesOf, kb, pairedRatios } from '../benchmark/budgets';
import { DEFAULT_PORTS, downloads, lighthouse } from '../benchmark/browser';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tools/browser';
import { median } from '../benchmark/measure';
import { planFromArgs, type Plan } from '../benchmark/options';
import { parseBuildOutput, summarizeCpuProfiles } from '../benchmark/profile';
import { formatReport } from '../benchmark/report';
import type { BenchmarkResults, BuildRun, Comparison, Experiment, FirstVisit, LighthousePage, Profile, SearchFigure } from '../benchmark/results';
import { buildSite, prepareStockRealSite, prepareSyntheticSite, snapshotSite, type Side } from '../benchmark/sites';
import { serveBuild } from '../tools/serve';

const WORK = join(SITE_DIR, '.benchmark');
const EXPERIMENTS_FILE = join(SITE_DIR, 'src', 'benchmark', 'experiments.json');
const NOTES_FILE = join(SITE_DIR, 'src', 'benchmark', 'notes.md');
/** A condition page of the synthetic sites: findings table, `::synthesis` with forest plots, citations. */
const SYNTHETIC_TOPIC = '/docs/conditions/treatment-resistant-depression';
/** The same page of the real site, in Next (where the newest features are) for both ours and stock. */
const REAL_TOPIC = '/docs/next/conditions/treatment-resistant-depression';
const PORTS = DEFAULT_PORTS;

function log(message: string) {
  console.log(`benchmark: ${message}`);
}

function bibliographyKeys(): string[] {
  const { references } = loadBibliography(PATHS.bibliography, PATHS.citationStyle);
  return [...references.keys()].filter((key) => !references.get(key)!.official).slice(0, 60);
}

/** Builds ours and stock (or without and with a change) alternately; `offset` picks which side opens the first pair. */
async function pairs(
  repeats: number,
  offset: number,
  build: (side: Side) => Promise<BuildRun>,
  label: string,
): Promise<{ ours: BuildRun[]; stock: BuildRun[] }> {
  const ours: BuildRun[] = [];
  const stock: BuildRun[] = [];
  for (let r = 0; r < repeats; r += 1) {
    const order: Side[] = (offset + r) % 2 === 0 ? ['stock', 'ours'] : ['ours', 'stock'];
    for (const side of order) {
      const run = await build(side);
      (side === 'ours' ? ours : stock).push(run);
      log(
        `  ${label} ${side} #${r + 1}: ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, peak ${Math.round(run.peakMemoryMb)} MB, ${(run.outputBytes / 1e6).toFixed(1)} MB (load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
  }
  return { ours, stock };
}

async function searchFigures(browser: Browser, buildDir: string, site: string, pages: number, queries: readonly string[]): Promise<SearchFigure[]> {
  const figures: SearchFigure[] = [];
  for (const query of queries) {
    const files = await downloads(browser, buildDir, '/', PORTS.server, query);
    figures.push({ site, pages, query, downloads: files });
    log(`  search "${query}" on ${site}: ${kb(bytesOf(files))} KB in ${files.length} files`);
  }
  return figures;
}

async function firstVisit(browser: Browser, site: string, path: string, oursBuild: string, stockBuild: string): Promise<FirstVisit> {
  const visit = { site, path, ours: await downloads(browser, oursBuild, path, PORTS.server), stock: await downloads(browser, stockBuild, path, PORTS.server) };
  log(
    `  first visit ${path}: JS+CSS ${kb(bytesOf(visit.ours, ['script', 'stylesheet']))} KB ours, ${kb(bytesOf(visit.stock, ['script', 'stylesheet']))} KB stock`,
  );
  return visit;
}

async function syntheticComparisons(
  plan: Plan,
  keys: readonly string[],
  browser: Browser | undefined,
  results: { builds: Comparison[]; search: SearchFigure[]; firstVisit: FirstVisit[] },
) {
  for (const [index, size] of plan.sizes.entries()) {
    const dirs = { ours: join(WORK, `ours-${size}`), stock: join(WORK, `stock-${size}`) };
    const pages = prepareSyntheticSite(dirs.ours, 'ours', size, keys, SITE_DIR);
    prepareSyntheticSite(dirs.stock, 'stock', size, keys, SITE_DIR);
    log(`${pages} synthetic pages: ${plan.repeats} pair(s)`);
    const runs = await pairs(plan.repeats, index, async (side) => (await buildSite(dirs[side])).run, `${pages} pages`);
    results.builds.push({ label: `${pages} synthetic pages`, pages, ...runs });
    if (browser && plan.search)
      results.search.push(...(await searchFigures(browser, join(dirs.ours, 'build'), `${pages} synthetic pages`, pages, plan.queries)));
    if (browser && index === 0)
      results.firstVisit.push(await firstVisit(browser, `${pages} synthetic pages`, SYNTHETIC_TOPIC, join(dirs.ours, 'build'), join(dirs.stock, 'build')));
    // The largest sites take hundreds of megabytes; the next size starts afresh anyway. The profiled size stays.
    if (index < plan.sizes.length - 1) rmSync(dirs.stock, { recursive: true, force: true });
    if (index < plan.sizes.length - 1 && size !== profiledSize(plan)) rmSync(dirs.ours, { recursive: true, force: true });
  }
}

/** The synthetic size whose build is profiled: the next to largest (a CPU profile of the largest is too big to read back). */
const profiledSize = (plan: Plan) => plan.sizes.at(-2) ?? plan.sizes[0]!;

/** The page of a section to audit: the first Next page of the section whose built HTML contains `marker`, else `fallback`. */
function pickPage(manifest: readonly BuiltPage[], buildDir: string, section: string, marker: RegExp, fallback: string): string {
  for (const page of manifest.filter((p) => p.version === 'current' && p.sectionId === section && p.pageType === 'topic')) {
    const file = [join(buildDir, `${page.permalink}.html`), join(buildDir, page.permalink, 'index.html')].find(existsSync);
    if (file && marker.test(readFileSync(file, 'utf8'))) return page.permalink;
  }
  return fallback;
}

const NEXT_IS_NOINDEX = {
  audits: ['is-crawlable'],
  reason: 'Next (draft) pages carry noindex by design (they point search engines at the newest edition); every other SEO audit is scored',
};

async function lighthousePages(plan: Plan, buildDir: string): Promise<LighthousePage[]> {
  const manifest = JSON.parse(readFileSync(join(buildDir, MANIFEST_FILE), 'utf8')) as BuiltPage[];
  const targets: { name: string; path: string; next: boolean }[] = [
    { name: 'Home', path: '/', next: false },
    { name: 'Condition (forest plot, findings table)', path: pickPage(manifest, buildDir, 'conditions', /class="?forest-plot/, REAL_TOPIC), next: true },
    {
      name: 'Mechanism',
      path: pickPage(manifest, buildDir, 'mechanism', /class="?(katex|glossary-term)/, '/docs/next/mechanism/nmda-receptor-antagonism'),
      next: true,
    },
    { name: 'Pharmacokinetics (math)', path: '/docs/next/routes/pharmacokinetics', next: true },
    { name: 'Evidence map', path: '/docs/next/reference/evidence-map', next: true },
    { name: 'Search results', path: `/search?q=${plan.queries[0]}`, next: false },
  ];
  const server = await serveBuild(buildDir, '/', PORTS.server);
  const pages = targets.map((t) => ({
    name: t.name,
    path: t.path,
    ...(t.next ? { skippedAudits: NEXT_IS_NOINDEX } : {}),
    runs: [] as LighthousePage['runs'][number][],
  }));
  try {
    // Runs go round the pages, so a slow spell on the machine touches every page a little rather than one page a lot.
    for (let run = 0; run < plan.lighthouseRuns; run += 1) {
      for (const page of pages) {
        const figures = await lighthouse(`${server.origin}${page.path}`, WORK, PORTS.lighthouse, page.skippedAudits?.audits ?? []);
        page.runs.push(figures);
        log(
          `  lighthouse #${run + 1} ${page.path}: ${figures.performance}/${figures.accessibility}/${figures.bestPractices}/${figures.seo}, LCP ${figures.lcpMs} ms, TBT ${figures.tbtMs} ms, CLS ${figures.cls}`,
        );
      }
    }
  } finally {
    await server.close();
  }
  return pages;
}

async function profileBuild(site: string, siteDir: string, outDir: string): Promise<Profile> {
  const profileDir = join(WORK, `cpu-profile-${site.replace(/\W+/g, '-')}`);
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  log(`profiling a build of ${site}`);
  const { result } = await buildSite(siteDir, { outDir, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
  const { phases, steps } = parseBuildOutput(result.output);
  return { site, seconds: result.seconds, phases, steps, cpu: summarizeCpuProfiles(profileDir, siteDir) };
}

function machine(loadAtStart: number) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium: CHROMIUM_PATH,
    loadAtStart,
    loadAtEnd: loadavg()[0]!,
  };
}

function readExperiments(): Experiment[] {
  return existsSync(EXPERIMENTS_FILE) ? (JSON.parse(readFileSync(EXPERIMENTS_FILE, 'utf8')) as Experiment[]) : [];
}

/** `--ab`: the same builds from two checkouts, without (the other folder) and with (this one) a change. */
async function experiment(plan: Plan & { ab: NonNullable<Plan['ab']> }, keys: readonly string[]) {
  const { baseDir, name } = plan.ab;
  if (!existsSync(join(baseDir, 'node_modules'))) symlinkSync(join(SITE_DIR, 'node_modules'), join(baseDir, 'node_modules'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const date = new Date().toISOString().slice(0, 10);
  const recorded: Experiment[] = [];
  // The real site is built from a copy of this checkout, taken now, so the checkout may change while the experiment runs.
  const variantDir = join(WORK, 'ab-with-site');
  if (plan.ab.real) snapshotSite(variantDir, SITE_DIR);
  const figuresOf = async (builds: { base: string; variant: string }, topic: string) => {
    const figures: Record<string, { base: number; variant: number }> = {};
    for (const query of plan.queries) {
      const [base, variant] = [
        await downloads(browser, builds.base, '/', PORTS.server, query),
        await downloads(browser, builds.variant, '/', PORTS.server, query),
      ];
      figures[`search "${query}" KB`] = { base: kb(bytesOf(base)), variant: kb(bytesOf(variant)) };
    }
    const [base, variant] = [await downloads(browser, builds.base, topic, PORTS.server), await downloads(browser, builds.variant, topic, PORTS.server)];
    figures['topic page JS+CSS KB'] = { base: kb(bytesOf(base, ['script', 'stylesheet'])), variant: kb(bytesOf(variant, ['script', 'stylesheet'])) };
    figures['topic page HTML KB'] = { base: kb(bytesOf(base, ['document'])), variant: kb(bytesOf(variant, ['document'])) };
    return figures;
  };
  try {
    for (const [index, size] of plan.ab.sizes.entries()) {
      const dirs = { stock: join(WORK, `ab-without-${size}`), ours: join(WORK, `ab-with-${size}`) };
      prepareSyntheticSite(dirs.stock, 'ours', size, keys, baseDir);
      const pages = prepareSyntheticSite(dirs.ours, 'ours', size, keys, SITE_DIR);
      log(`experiment "${name}" at ${pages} pages (stock = without, ours = with)`);
      const runs = await pairs(plan.repeats, index, async (side) => (await buildSite(dirs[side])).run, `${pages} pages`);
      const figures = await figuresOf({ base: join(dirs.stock, 'build'), variant: join(dirs.ours, 'build') }, SYNTHETIC_TOPIC);
      recorded.push({ name, date, site: `${pages} synthetic pages`, base: runs.stock, variant: runs.ours, figures });
    }
    if (plan.ab.real) {
      const outDirs = { stock: join(WORK, 'ab-without-real'), ours: join(WORK, 'ab-with-real') };
      const siteDirs = { stock: baseDir, ours: variantDir };
      log(`experiment "${name}" on the real site`);
      const runs = await pairs(plan.repeats, 0, async (side) => (await buildSite(siteDirs[side], { outDir: outDirs[side] })).run, 'real site');
      const figures = await figuresOf({ base: outDirs.stock, variant: outDirs.ours }, REAL_TOPIC);
      recorded.push({ name, date, site: 'real site (all editions)', base: runs.stock, variant: runs.ours, figures });
    }
  } finally {
    await browser.close();
  }
  const kept = readExperiments().filter((e) => !(e.name === name && recorded.some((r) => r.site === e.site)));
  writeFileSync(EXPERIMENTS_FILE, `${JSON.stringify([...kept, ...recorded], (key, value) => (key === 'phases' || key === 'output' ? undefined : value), 1)}\n`);
  for (const e of recorded) {
    const ratios = pairedRatios({ ours: e.variant, stock: e.base }, (r) => r.seconds);
    log(
      `${e.site}: time with/without ${median(ratios).toFixed(2)} [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}], output ${(median(e.variant.map((r) => r.outputBytes)) / median(e.base.map((r) => r.outputBytes))).toFixed(2)}; ${JSON.stringify(e.figures)}`,
    );
  }
}

/** Writes REPORT.md and report.json; returns how many budgets were missed. */
function writeReport(plan: Plan, results: BenchmarkResults): number {
  const checks = evaluateBudgets(results);
  const report = formatReport(results, existsSync(NOTES_FILE) ? readFileSync(NOTES_FILE, 'utf8') : '', checks);
  mkdirSync(plan.outDir, { recursive: true });
  writeFileSync(join(plan.outDir, 'REPORT.md'), `${report}\n`);
  writeFileSync(join(plan.outDir, 'report.json'), `${JSON.stringify({ ...results, checks }, null, 1)}\n`);
  console.log(`\n${report}`);
  const missed = checks.filter((c) => !c.ok).length;
  log(`${missed ? `${missed} budget(s) missed` : 'every budget met'}; report in ${plan.outDir}`);
  return missed;
}

async function main() {
  const plan = planFromArgs(process.argv.slice(2), SITE_DIR);
  if (plan.reportOnly) {
    const { checks: _checks, ...saved } = JSON.parse(readFileSync(join(plan.outDir, 'report.json'), 'utf8')) as BenchmarkResults & { checks: unknown };
    process.exitCode = writeReport(plan, { ...saved, experiments: readExperiments() }) ? 1 : 0;
    return;
  }
  mkdirSync(WORK, { recursive: true });
  const keys = bibliographyKeys();
  if (plan.ab) return experiment({ ...plan, ab: plan.ab }, keys);

  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const results = {
    builds: [] as Comparison[],
    search: [] as SearchFigure[],
    firstVisit: [] as FirstVisit[],
    lighthouse: [] as LighthousePage[],
    profiles: [] as Profile[],
  };
  let real: Comparison | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const realOurs = join(WORK, 'real-ours', 'build');
  try {
    await syntheticComparisons(plan, keys, browser, results);
    if (plan.real || plan.lighthouse) {
      const stockDir = join(WORK, 'real-stock');
      const pages = prepareStockRealSite(stockDir, SITE_DIR);
      const repeats = plan.real ? plan.realRepeats : 1;
      log(`the real site (${pages} Markdown pages, all editions): ${repeats} pair(s)`);
      const runs = await pairs(
        repeats,
        0,
        async (side) => (await buildSite(side === 'ours' ? SITE_DIR : stockDir, side === 'ours' ? { outDir: realOurs } : {})).run,
        'real site',
      );
      if (plan.real) real = { label: 'real site (all editions)', pages, ...runs };
      if (plan.search) results.search.push(...(await searchFigures(browser, realOurs, 'real site', pages, plan.queries)));
      results.firstVisit.push(await firstVisit(browser, 'real site', REAL_TOPIC, realOurs, join(stockDir, 'build')));
    }
  } finally {
    await browser.close();
  }
  if (plan.lighthouse) results.lighthouse.push(...(await lighthousePages(plan, realOurs)));
  if (plan.profile) {
    results.profiles.push(await profileBuild('the real site (all editions)', SITE_DIR, join(WORK, 'profile-real')));
    const size = profiledSize(plan);
    results.profiles.push(await profileBuild(`${size} synthetic pages`, join(WORK, `ours-${size}`), join(WORK, `ours-${size}`, 'build')));
  }

  const full: BenchmarkResults = {
    date: new Date().toISOString().slice(0, 10),
    mode: plan.mode,
    minutes: (Date.now() - started) / 60_000,
    machine: machine(loadAtStart),
    ...results,
    ...(real ? { real } : {}),
    experiments: readExperiments(),
  };
  process.exitCode = writeReport(plan, full) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`benchmark: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
