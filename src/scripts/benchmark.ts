/**
 * `npm run benchmark`: the figures behind the performance budgets, in one
 * run on this machine (compare ratios, not seconds: the machine is shared).
 *
 * 1. Builds synthetic sites of 50, 250 and 1,000 pages with this site's
 *    configuration and with stock Docusaurus on the same Markdown: wall
 *    time, peak memory, output size, ratios, growth per page.
 * 2. Bytes a first visit to a topic page downloads (gzip), ours and stock.
 * 3. Bytes the search downloads for a first query, at each size.
 * 4. Lighthouse (mobile, median of 3 runs) on the real site's home page, a
 *    condition page with a findings table and math, and the evidence map.
 *
 * Writes src/benchmark/REPORT.md and report.json; exits 1 when a budget
 * is missed. Options: --sizes 50,250 --runs 1 --skip-lighthouse.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { loadBibliography } from '../citations/bibliography';
import { PATHS, SITE_DIR } from '../content/paths';
import { folderBytes, gzipBytes, measureCommand, median, type RunResult } from '../benchmark/measure';
import { STOCK_CONFIG, STOCK_HOME, STOCK_SIDEBARS } from '../benchmark/stockSite';
import { writeSyntheticDocs } from '../benchmark/synthetic';
import { serveBuild } from '../tools/serve';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,250,1000' },
    runs: { type: 'string', default: '3' },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes!.split(',').map(Number);
const LIGHTHOUSE_RUNS = Number(values.runs);
const WORK = join(SITE_DIR, '.benchmark');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const DOCUSAURUS = join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
const TOPIC_PAGE = '/docs/conditions/treatment-resistant-depression';

/** Budgets from the performance issue; each is checked below. */
const BUDGETS = {
  buildTimeRatio: 1.2,
  buildMemoryRatio: 1.2,
  /** Per-page cost at the largest size over the middle size: at most this (1 = linear). */
  growthPerPage: 1.25,
  firstVisitJsCssRatio: 1.1,
  lighthouseOtherCategories: 100,
  lighthousePerformance: 95,
  searchFirstQueryKb: 300,
};

function log(message: string) {
  console.log(`benchmark: ${message}`);
}

function prepareSite(dir: string, kind: 'ours' | 'stock', pages: number, keys: readonly string[]): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(SITE_DIR, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(SITE_DIR, 'package.json'), join(dir, 'package.json'));
  cpSync(join(SITE_DIR, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  if (kind === 'ours') {
    for (const entry of ['src', 'static', 'sidebars.ts', 'docusaurus.config.ts']) cpSync(join(SITE_DIR, entry), join(dir, entry), { recursive: true });
  } else {
    writeFileSync(join(dir, 'docusaurus.config.ts'), STOCK_CONFIG);
    writeFileSync(join(dir, 'sidebars.ts'), STOCK_SIDEBARS);
    mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
    writeFileSync(join(dir, 'src', 'pages', 'index.md'), STOCK_HOME);
  }
  return writeSyntheticDocs(join(dir, 'docs'), pages, keys);
}

async function build(dir: string): Promise<RunResult> {
  // Cold builds for both sides: Docusaurus Faster keeps a persistent cache under node_modules/.cache.
  rmSync(join(SITE_DIR, 'node_modules', '.cache'), { recursive: true, force: true });
  rmSync(join(dir, '.docusaurus'), { recursive: true, force: true });
  const result = await measureCommand(process.execPath, [DOCUSAURUS, 'build'], dir, { NODE_ENV: 'production' });
  if (result.status !== 0) throw new Error(`build failed in ${dir}:\n${result.output.slice(-3000)}`);
  return result;
}

interface Download {
  readonly type: string;
  readonly url: string;
  readonly gzip: number;
}

/** Every response a fresh browser receives while loading `path` (and, for search, typing a query). */
async function downloads(browser: Browser, buildDir: string, path: string, query?: string): Promise<Download[]> {
  const server = await serveBuild(buildDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen: Promise<Download>[] = [];
  let recording = !query;
  // The context sees the page's responses and those of Pagefind's worker.
  context.on('response', (response) => {
    // For a query: everything after search opens, plus any search index file fetched earlier.
    if (!recording && !response.url().includes('/pagefind/')) return;
    const type = response.request().resourceType();
    seen.push(response.body().then((body) => ({ type, url: response.url(), gzip: gzipBytes(body) }), () => ({ type, url: response.url(), gzip: 0 })));
  });
  await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
  if (query) {
    recording = true;
    await page.locator('nav.navbar').getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('combobox', { name: 'Search' }).fill(query);
    await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
  }
  const result = await Promise.all(seen);
  await context.close();
  await server.close();
  return result;
}

const sum = (items: readonly Download[], types?: readonly string[]) =>
  items.filter((d) => !types || types.includes(d.type)).reduce((total, d) => total + d.gzip, 0);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** Runs the Lighthouse CLI without blocking this process, which is serving the pages it audits. */
function runLighthouse(url: string, out: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(SITE_DIR, 'node_modules', 'lighthouse', 'cli', 'index.js'), url, '--output=json', `--output-path=${out}`, '--quiet', `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`], {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

async function lighthouse(url: string, runs: number): Promise<LighthouseFigures> {
  const results: LighthouseFigures[] = [];
  for (let run = 0; run < runs; run += 1) {
    const out = join(WORK, `lighthouse-${run}.json`);
    const cli = await runLighthouse(url, out);
    if (cli.status !== 0) throw new Error(`lighthouse failed on ${url}: ${cli.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = (id: string) => Math.round((report.categories[id].score ?? 0) * 100);
    results.push({
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: report.audits['largest-contentful-paint'].numericValue,
      tbtMs: report.audits['total-blocking-time'].numericValue,
      cls: report.audits['cumulative-layout-shift'].numericValue,
    });
  }
  const pick = (key: keyof LighthouseFigures) => median(results.map((r) => r[key]));
  return { performance: pick('performance'), accessibility: pick('accessibility'), bestPractices: pick('bestPractices'), seo: pick('seo'), lcpMs: Math.round(pick('lcpMs')), tbtMs: Math.round(pick('tbtMs')), cls: Math.round(pick('cls') * 1000) / 1000 };
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const { references } = loadBibliography(PATHS.bibliography, PATHS.citationStyle);
  const keys = [...references.keys()].filter((key) => !references.get(key)!.official).slice(0, 60);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const builds: { pages: number; ours: RunResult & { bytes: number }; stock: RunResult & { bytes: number }; searchKb: number }[] = [];
  let firstVisit: { ours: Download[]; stock: Download[] } | undefined;

  for (const size of SIZES) {
    const oursDir = join(WORK, `ours-${size}`);
    const stockDir = join(WORK, `stock-${size}`);
    const pages = prepareSite(oursDir, 'ours', size, keys);
    prepareSite(stockDir, 'stock', size, keys);
    // Alternate the order between sizes so slow drift on the machine does not always favour one side.
    const order: ('ours' | 'stock')[] = builds.length % 2 === 0 ? ['stock', 'ours'] : ['ours', 'stock'];
    const result: Record<string, RunResult & { bytes: number }> = {};
    for (const kind of order) {
      log(`building ${kind} at ${pages} pages`);
      const dir = kind === 'ours' ? oursDir : stockDir;
      const run = await build(dir);
      result[kind] = { ...run, bytes: folderBytes(join(dir, 'build')) };
      log(`  ${run.seconds.toFixed(1)} s, peak ${Math.round(run.peakMemoryMb)} MB`);
    }
    const search = await downloads(browser, join(oursDir, 'build'), '/', 'ketamine');
    if (!firstVisit) {
      firstVisit = {
        ours: await downloads(browser, join(oursDir, 'build'), TOPIC_PAGE),
        stock: await downloads(browser, join(stockDir, 'build'), TOPIC_PAGE),
      };
    }
    builds.push({ pages, ours: result.ours!, stock: result.stock!, searchKb: kb(sum(search)) });
  }
  await browser.close();

  let lighthouseFigures: Record<string, LighthouseFigures> | undefined;
  if (!values['skip-lighthouse']) {
    log('building the real site for Lighthouse');
    const real = await measureCommand(process.execPath, [DOCUSAURUS, 'build'], SITE_DIR);
    if (real.status !== 0) throw new Error(`the site build failed:\n${real.output.slice(-2000)}`);
    const server = await serveBuild(join(SITE_DIR, 'build'));
    lighthouseFigures = {};
    for (const [name, path] of Object.entries({ 'Home page': '/', 'Condition page (findings table and math)': '/docs/next/conditions/treatment-resistant-depression', 'Evidence map': '/docs/reference/evidence-map' })) {
      log(`lighthouse ${LIGHTHOUSE_RUNS}x ${path}`);
      lighthouseFigures[name] = await lighthouse(`${server.origin}${path}`, LIGHTHOUSE_RUNS);
    }
    await server.close();
  }

  // Budgets.
  const checks: { budget: string; figure: string; ok: boolean }[] = [];
  for (const b of builds) {
    const time = b.ours.seconds / b.stock.seconds;
    const memory = b.ours.peakMemoryMb / b.stock.peakMemoryMb;
    checks.push({ budget: `Build time ours/stock ≤ ${BUDGETS.buildTimeRatio} at ${b.pages} pages`, figure: time.toFixed(2), ok: time <= BUDGETS.buildTimeRatio });
    checks.push({ budget: `Peak memory ours/stock ≤ ${BUDGETS.buildMemoryRatio} at ${b.pages} pages`, figure: memory.toFixed(2), ok: memory <= BUDGETS.buildMemoryRatio });
  }
  if (builds.length >= 2) {
    const [mid, last] = builds.slice(-2) as [(typeof builds)[number], (typeof builds)[number]];
    const perPage = (b: typeof mid, v: number) => v / b.pages;
    const timeGrowth = perPage(last, last.ours.seconds) / perPage(mid, mid.ours.seconds);
    const sizeGrowth = perPage(last, last.ours.bytes) / perPage(mid, mid.ours.bytes);
    checks.push({ budget: `Build time per page, ${last.pages} vs ${mid.pages} pages ≤ ${BUDGETS.growthPerPage}`, figure: timeGrowth.toFixed(2), ok: timeGrowth <= BUDGETS.growthPerPage });
    checks.push({ budget: `Output bytes per page, ${last.pages} vs ${mid.pages} pages ≤ ${BUDGETS.growthPerPage}`, figure: sizeGrowth.toFixed(2), ok: sizeGrowth <= BUDGETS.growthPerPage });
  }
  const oursJsCss = sum(firstVisit!.ours, ['script', 'stylesheet']);
  const stockJsCss = sum(firstVisit!.stock, ['script', 'stylesheet']);
  checks.push({ budget: `First visit JS+CSS ours/stock ≤ ${BUDGETS.firstVisitJsCssRatio}`, figure: (oursJsCss / stockJsCss).toFixed(2), ok: oursJsCss <= stockJsCss * BUDGETS.firstVisitJsCssRatio });
  const largest = builds.at(-1)!;
  checks.push({ budget: `Search first query ≤ ${BUDGETS.searchFirstQueryKb} KB at ${largest.pages} pages`, figure: `${largest.searchKb} KB`, ok: largest.searchKb <= BUDGETS.searchFirstQueryKb });
  for (const [name, f] of Object.entries(lighthouseFigures ?? {})) {
    checks.push({ budget: `Lighthouse performance ≥ ${BUDGETS.lighthousePerformance}: ${name}`, figure: String(f.performance), ok: f.performance >= BUDGETS.lighthousePerformance });
    const others = Math.min(f.accessibility, f.bestPractices, f.seo);
    checks.push({ budget: `Lighthouse accessibility, best practices, SEO = 100: ${name}`, figure: `${f.accessibility}/${f.bestPractices}/${f.seo}`, ok: others >= BUDGETS.lighthouseOtherCategories });
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmark report',
    '',
    `Generated by \`npm run benchmark\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, Chromium at ${CHROMIUM}. The machine is shared and noisy: read the ratios, which compare builds made in the same run, not the seconds.`,
    '',
    '## Builds (synthetic content, same Markdown for both)',
    '',
    '| Pages | Ours (s) | Stock (s) | Time ours/stock | Ours peak (MB) | Stock peak (MB) | Memory ours/stock | Ours output (MB) | Stock output (MB) | Search first query (KB gzip) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...builds.map((b) => `| ${b.pages} | ${b.ours.seconds.toFixed(1)} | ${b.stock.seconds.toFixed(1)} | ${(b.ours.seconds / b.stock.seconds).toFixed(2)} | ${Math.round(b.ours.peakMemoryMb)} | ${Math.round(b.stock.peakMemoryMb)} | ${(b.ours.peakMemoryMb / b.stock.peakMemoryMb).toFixed(2)} | ${(b.ours.bytes / 1e6).toFixed(1)} | ${(b.stock.bytes / 1e6).toFixed(1)} | ${b.searchKb} |`),
    '',
    `## First visit to a topic page (${TOPIC_PAGE}, KB gzip)`,
    '',
    '| | HTML | JS | CSS | Fonts | Other | JS+CSS |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...(['ours', 'stock'] as const).map((k) => {
      const d = firstVisit![k];
      return `| ${k === 'ours' ? 'Ours' : 'Stock'} | ${kb(sum(d, ['document']))} | ${kb(sum(d, ['script']))} | ${kb(sum(d, ['stylesheet']))} | ${kb(sum(d, ['font']))} | ${kb(sum(d) - sum(d, ['document', 'script', 'stylesheet', 'font']))} | ${kb(sum(d, ['script', 'stylesheet']))} |`;
    }),
    '',
    ...(lighthouseFigures
      ? [
          `## Lighthouse (mobile defaults, median of ${LIGHTHOUSE_RUNS} runs, served locally with gzip)`,
          '',
          '| Page | Performance | Accessibility | Best practices | SEO | LCP (ms) | TBT (ms) | CLS |',
          '| --- | --- | --- | --- | --- | --- | --- | --- |',
          ...Object.entries(lighthouseFigures).map(([name, f]) => `| ${name} | ${f.performance} | ${f.accessibility} | ${f.bestPractices} | ${f.seo} | ${f.lcpMs} | ${f.tbtMs} | ${f.cls} |`),
          '',
        ]
      : []),
    '## Budgets',
    '',
    '| Budget | Figure | Result |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.budget} | ${c.figure} | ${c.ok ? 'met' : '**missed**'} |`),
    '',
    // What was tried for each miss is kept by hand beside the script, and carried into every report.
    readFileSync(join(SITE_DIR, 'src', 'benchmark', 'notes.md'), 'utf8'),
  ];
  const report = lines.join('\n');
  const reportDir = join(SITE_DIR, 'src', 'benchmark');
  writeFileSync(join(reportDir, 'REPORT.md'), report);
  writeFileSync(join(reportDir, 'report.json'), `${JSON.stringify({ builds, firstVisit, lighthouse: lighthouseFigures, checks }, (k, v) => (k === 'output' ? undefined : v), 2)}\n`);
  console.log(`\n${report}`);
  const missed = checks.filter((c) => !c.ok).length;
  log(missed ? `${missed} budget(s) missed` : 'every budget met');
  process.exitCode = missed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`benchmark: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
