/**
 * The pure parts of `npm run benchmark` (the measuring itself needs builds
 * and a browser, and is not a test): the plan from the command line, the
 * budget checks, the report, the build-output and profile parsers, and
 * the figures read from a Lighthouse report.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lighthouseFigures } from '../browser';
import { evaluateBudgets, pairedRatios, SEARCH_INDEX_PHASE } from '../budgets';
import { outputCategory, spread } from '../measure';
import { planFromArgs } from '../options';
import { categoryOf, parseBuildOutput, phaseRecord, summarizeCpuProfile } from '../profile';
import { formatReport, searchPart, withRange } from '../report';
import type { BenchmarkResults, BuildRun, Comparison, Download, LighthousePage } from '../results';
import { syntheticDataset, syntheticPage } from '../synthetic';

const SITE = '/site';

function run(seconds: number, extra: Partial<BuildRun> = {}): BuildRun {
  return {
    seconds,
    cpuSeconds: seconds * 1.5,
    peakMemoryMb: 500,
    outputBytes: 1e6,
    output: { HTML: 6e5, JS: 4e5 },
    phases: { 'Bundling with rspack': seconds * 500, [SEARCH_INDEX_PHASE]: seconds * 50 },
    ...extra,
  };
}

function comparison(pages: number, ours: number[], stock: number[]): Comparison {
  return { label: `${pages} synthetic pages`, pages, ours: ours.map((s) => run(s)), stock: stock.map((s) => run(s)) };
}

const download = (type: string, url: string, gzip: number): Download => ({ type, url, gzip });

function lighthousePage(performance: number, cls = 0.01): LighthousePage {
  const r = { performance, accessibility: 100, bestPractices: 100, seo: 100, lcpMs: 1800, tbtMs: 90, cls, benchmarkIndex: 900, failedAudits: [] };
  return { name: 'Home', path: '/', runs: [r, { ...r, performance: performance - 2 }, { ...r, performance: performance + 1 }] };
}

function results(overrides: Partial<BenchmarkResults> = {}): BenchmarkResults {
  return {
    date: '2026-12-01',
    mode: 'quick',
    minutes: 4,
    machine: { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 8, node: 'v20', chromium: '/usr/bin/chromium', loadAtStart: 1, loadAtEnd: 2 },
    builds: [comparison(50, [11, 12, 10], [10, 10, 10]), comparison(250, [22, 24, 23], [20, 20, 20])],
    search: [
      {
        site: '250 synthetic pages',
        pages: 250,
        query: 'esketamine',
        downloads: [download('script', '/pagefind/current/pagefind.js', 13 * 1024), download('fetch', '/pagefind/current/index/en_1.pf_index', 30 * 1024)],
      },
    ],
    firstVisit: [
      {
        site: '50 synthetic pages',
        path: '/docs/x',
        ours: [download('script', '/a.js', 105 * 1024), download('stylesheet', '/s.css', 10 * 1024)],
        stock: [download('script', '/a.js', 100 * 1024), download('stylesheet', '/s.css', 10 * 1024)],
      },
    ],
    lighthouse: [lighthousePage(97)],
    profiles: [],
    experiments: [],
    ...overrides,
  };
}

describe('benchmark plan', () => {
  it('runs small sizes once each in --quick mode, with the report outside the committed folder', () => {
    const plan = planFromArgs(['--quick'], SITE);
    expect(plan).toMatchObject({ mode: 'quick', sizes: [50, 100], repeats: 1, lighthouseRuns: 1, lighthouse: true, real: true, profile: true });
    expect(plan.outDir).toBe(join(SITE, '.benchmark', 'quick'));
  });

  it('runs 50, 250 and 1,000 pages three times by default and writes the committed report', () => {
    const plan = planFromArgs([], SITE);
    expect(plan).toMatchObject({ mode: 'full', sizes: [50, 250, 1000], repeats: 3, lighthouseRuns: 3 });
    expect(plan.outDir).toBe(join(SITE, 'src', 'benchmark'));
  });

  it('takes sizes, repeats and skips, and refuses what it cannot read', () => {
    expect(planFromArgs(['--sizes', '250,50', '--repeats', '2', '--skip-lighthouse', '--skip-real'], SITE)).toMatchObject({
      sizes: [50, 250],
      repeats: 2,
      lighthouse: false,
      real: false,
    });
    expect(() => planFromArgs(['--sizes', 'ten'], SITE)).toThrow(/whole numbers/);
    expect(() => planFromArgs(['--unknown'], SITE)).toThrow();
  });

  it('needs a name for an experiment', () => {
    expect(() => planFromArgs(['--ab', '/base'], SITE)).toThrow(/--name/);
    expect(planFromArgs(['--ab', '/base', '--name', 'MathML only', '--ab-real'], SITE).ab).toEqual({
      baseDir: '/base',
      name: 'MathML only',
      sizes: [250],
      real: true,
    });
  });
});

describe('budgets', () => {
  it('compare builds as the median of paired ratios', () => {
    expect(pairedRatios(comparison(50, [12, 11, 30], [10, 10, 10]), (r) => r.seconds)).toEqual([1.2, 1.1, 3]);
    const checks = evaluateBudgets(results());
    expect(checks.find((c) => c.budget.startsWith('Build time ours/stock ≤ 1.2 at 50'))).toMatchObject({ figure: '1.10', ok: true });
    expect(checks.find((c) => c.budget.startsWith('Build time ours/stock ≤ 1.2 at 250'))).toMatchObject({ figure: '1.15', ok: true });
  });

  it('name the gap of a missed budget', () => {
    const checks = evaluateBudgets(results({ builds: [comparison(250, [30, 31, 29], [20, 20, 20])] }));
    const time = checks.find((c) => c.budget.startsWith('Build time ours/stock'))!;
    expect(time).toMatchObject({ figure: '1.50', ok: false });
    expect(time.gap).toMatch(/0\.30 over \(25%\)/);
  });

  it('check growth per page between the two largest sizes', () => {
    const checks = evaluateBudgets(results({ builds: [comparison(250, [25], [20]), comparison(1000, [120], [80])] }));
    expect(checks.find((c) => c.budget.startsWith('Build time per page, 1000 vs 250'))).toMatchObject({ figure: '1.20', ok: false });
    expect(checks.find((c) => c.budget.startsWith('Output bytes ours/stock ≤ 1.5 at 1000'))).toMatchObject({ ok: true });
    expect(checks.find((c) => c.budget.startsWith('Search indexing'))).toMatchObject({ figure: '5.0%', ok: true });
  });

  it('check first-visit JS+CSS against stock plus 10%, the search payload and Lighthouse', () => {
    const checks = evaluateBudgets(results({ lighthouse: [lighthousePage(94, 0.06)] }));
    expect(checks.find((c) => c.budget.startsWith('First visit'))).toMatchObject({ ok: true, figure: '115 KB vs 110 KB (1.05×)' });
    expect(checks.find((c) => c.budget.startsWith('Search first query'))).toMatchObject({ figure: '43 KB', ok: true });
    expect(checks.find((c) => c.budget.startsWith('Lighthouse mobile performance'))).toMatchObject({ figure: '94', ok: false, gap: '1 below' });
    expect(checks.find((c) => c.budget.startsWith('CLS'))).toMatchObject({ ok: false });
  });

  it('check the real site against stock', () => {
    const checks = evaluateBudgets(results({ real: { label: 'real site', pages: 120, ours: [run(40), run(38)], stock: [run(30), run(30)] } }));
    expect(checks.find((c) => c.budget.startsWith('Real site'))).toMatchObject({ figure: '1.30', ok: true });
  });
});

describe('report', () => {
  it('gives medians with their range', () => {
    expect(withRange([1.2, 1.0, 1.6])).toBe('1.20 [1.00–1.60]');
    expect(withRange([3.14159], 1)).toBe('3.1');
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
  });

  it('sorts search downloads into the parts of a first query', () => {
    expect(searchPart(download('script', '/pagefind/current/pagefind.js', 1))).toBe('Pagefind runtime');
    expect(searchPart(download('fetch', '/pagefind/current/wasm.en.pagefind', 1))).toBe('Pagefind runtime');
    expect(searchPart(download('fetch', '/pagefind/current/pagefind-entry.json?ts=1', 1))).toBe('metadata and filters');
    expect(searchPart(download('fetch', '/pagefind/current/fragment/en_1.pf_fragment', 1))).toBe('page fragments');
    expect(searchPart(download('fetch', '/pagefind/current/words.json', 1))).toBe('synonyms and vocabulary');
    expect(searchPart(download('script', '/assets/js/123.js', 1))).toBe('site code');
  });

  it('shows the budgets, every section measured and the notes', () => {
    const report = formatReport(results(), '## What was tried\n\nNotes.');
    expect(report).toMatch(/^# Benchmark report/);
    expect(report).toContain('npm run benchmark -- --quick');
    expect(report).toContain('| Build time ours/stock ≤ 1.2 at 50 pages | 1.10 | met |  |');
    expect(report).toContain('## Builds of synthetic sites');
    expect(report).toContain('| 250 | 23.0 [22.0–24.0] | 20.0 [20.0–20.0] | **1.15 [1.10–1.20]** |');
    expect(report).toContain('## Search: bytes of the first query');
    expect(report).toContain('## First visit to a topic page');
    expect(report).toContain('| Home | `/` | 97 [95–98] | 100 | 100 | 100 |');
    expect(report).toContain('## What was tried');
    expect(report).not.toContain('## Experiments');
  });
});

describe('build output and profiles', () => {
  it('read Docusaurus phases and the site timing lines from a build log', () => {
    const log = [
      '[PERF] Build > en > Load site - 3.19 seconds! - (Heap 76mb -> 180mb / Total 233mb)',
      '[PERF] Build > en > Load site > Load plugins - 2.99 seconds! - (Heap)',
      '[PERF] Build > en > Bundling with rspack - 10.14 seconds! - (Heap)',
      '[PERF] Build > en > postBuild() - 812.5 ms - (Heap)',
      '[PERF] Build - 21.61 seconds! - (Heap)',
      '[timing] content index: read and check 6225.3 ms',
      '[timing] rehype: KaTeX 160.9 ms (117×)',
      'unrelated line',
    ].join('\n');
    const { phases, steps } = parseBuildOutput(log);
    expect(phases).toEqual([
      { name: 'Load site', ms: 3190 },
      { name: 'Bundling with rspack', ms: 10140 },
      { name: 'postBuild()', ms: 812.5 },
      { name: 'Build (total)', ms: 21610 },
    ]);
    expect(steps).toEqual([
      { name: 'content index: read and check', ms: 6225.3 },
      { name: 'rehype: KaTeX', ms: 160.9, count: 117 },
    ]);
    expect(phaseRecord(log)['rehype: KaTeX']).toBe(161);
  });

  it('put each stack frame in a package, a site folder or a V8 category', () => {
    expect(categoryOf('file:///x/node_modules/katex/dist/katex.js', 'f', SITE)).toBe('katex');
    expect(categoryOf('file:///x/node_modules/@rspack/core/dist/index.js', 'f', SITE)).toBe('@rspack/core');
    expect(categoryOf('file:///site/src/remark/citations/index.ts', 'f', SITE)).toBe('site: src/remark/citations');
    expect(categoryOf('file:///site/src/content/page.ts', 'f', SITE)).toBe('site: src/content');
    expect(categoryOf('node:internal/fs', 'f', SITE)).toBe('node internals');
    expect(categoryOf('', '(garbage collector)', SITE)).toBe('(garbage collector)');
    expect(categoryOf('server.bundle.js', 'renderWithHooks', SITE)).toBe('server bundle (React rendering)');
    expect(categoryOf('file:///site/build/__server/assets/js/1.js', 'MDXContent', SITE)).toBe('server bundle (React rendering)');
  });

  it('sum self and inclusive time per category from a CPU profile', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2] },
        { id: 2, callFrame: { functionName: 'render', url: 'file:///site/src/remark/citations/index.ts' }, children: [3] },
        { id: 3, callFrame: { functionName: 'renderToString', url: 'file:///x/node_modules/katex/katex.js' } },
      ],
      samples: [2, 3, 3],
      timeDeltas: [1000, 2000, 3000],
    };
    const summary = summarizeCpuProfile(profile, SITE);
    expect(summary.totalMs).toBe(6);
    expect(Object.fromEntries(summary.self)).toEqual({ 'site: src/remark/citations': 1, katex: 5 });
    expect(Object.fromEntries(summary.inclusive)).toEqual({ 'site: src/remark/citations': 6, katex: 5 });
  });

  it('sort output files by kind', () => {
    expect(outputCategory('pagefind/current/index/en_1.pf_index')).toBe('search index');
    expect(outputCategory('docs/a.references.csl.json')).toBe('reference downloads');
    expect(outputCategory('docs/a.html')).toBe('HTML');
    expect(outputCategory('assets/js/main.js')).toBe('JS');
    expect(outputCategory('assets/fonts/KaTeX_Main.woff2')).toBe('fonts');
  });

  it('read the scores, metrics and failing audits of a Lighthouse report', () => {
    const category = (score: number, ids: string[]) => ({ score, auditRefs: ids.map((id) => ({ id, weight: 1 })) });
    const figures = lighthouseFigures({
      categories: {
        performance: category(0.94, ['largest-contentful-paint']),
        accessibility: category(1, []),
        'best-practices': category(1, []),
        seo: category(0.92, ['is-crawlable']),
      },
      audits: {
        'largest-contentful-paint': { score: 0.8, numericValue: 2512.4, scoreDisplayMode: 'numeric' },
        'total-blocking-time': { score: 1, numericValue: 120.2, scoreDisplayMode: 'numeric' },
        'cumulative-layout-shift': { score: 1, numericValue: 0.00123, scoreDisplayMode: 'numeric' },
        'is-crawlable': { score: 0, scoreDisplayMode: 'binary' },
      },
      environment: { benchmarkIndex: 812.6 },
    });
    expect(figures).toEqual({
      performance: 94,
      accessibility: 100,
      bestPractices: 100,
      seo: 92,
      lcpMs: 2512,
      tbtMs: 120,
      cls: 0.001,
      benchmarkIndex: 813,
      failedAudits: ['is-crawlable (0)', 'largest-contentful-paint (80)'],
    });
  });
});

describe('synthetic content', () => {
  it('gives condition pages a findings table and a synthesis, and every page the required fields', () => {
    const page = syntheticPage(7, 'conditions', ['a2020', 'b2021']);
    expect(page).toContain(':::findings');
    expect(page).toContain('::synthesis{dataset="benchmark-comparison"}');
    expect(page).toMatch(/^bottom_line: .+\[@/m);
    expect(page).toMatch(/^literature_searched: \d{4}-\d{2}-\d{2}$/m);
    expect(syntheticPage(7, 'conditions', ['a2020', 'b2021'])).toBe(page);
    expect(syntheticPage(8, 'risks', ['a2020'])).not.toContain('::synthesis');
  });

  it('writes a dataset of six studies citing the given keys', () => {
    const dataset = syntheticDataset(['a2020', 'b2021']);
    expect(dataset.match(/^ {2}- id: study\d$/gm)).toHaveLength(6);
    expect(dataset).toContain('reference: b2021');
  });
});
