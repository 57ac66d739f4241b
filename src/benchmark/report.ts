/**
 * The benchmark report as Markdown, from one run's results (pure,
 * unit-tested). Every figure the budgets read is shown with its spread, so
 * a reader can tell a real difference from the noise of a shared machine.
 */
import { BUDGETS, bytesOf, evaluateBudgets, kb, lighthouseMedians, medianOf, pairedRatios, type Check } from './budgets';
import { median, spread } from './measure';
import type { BenchmarkResults, BuildRun, Comparison, Download, Experiment, Profile, ProfileRow } from './results';

const s1 = (seconds: number) => seconds.toFixed(1);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** "1.23 [1.10–1.40]": a median with its range, or the single value. */
export function withRange(values: readonly number[], digits = 2): string {
  if (values.length === 0) return '—';
  const { median: m, min, max } = spread(values);
  return values.length === 1 ? m.toFixed(digits) : `${m.toFixed(digits)} [${min.toFixed(digits)}–${max.toFixed(digits)}]`;
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

const OUTPUT_KINDS = ['HTML', 'JS', 'CSS', 'search index', 'reference downloads', 'fonts', 'other'];

function outputRows(comparison: Comparison): string[][] {
  const side = (label: string, runs: readonly BuildRun[]) => [
    label,
    ...OUTPUT_KINDS.map((kind) => mb(median(runs.map((r) => r.output[kind] ?? 0)))),
    mb(medianOf(runs, (r) => r.outputBytes)),
  ];
  return [side('Ours', comparison.ours), side('Stock', comparison.stock)];
}

const PHASES = ['Load site', 'Bundling with rspack', 'SSG', 'postBuild()', 'Build (total)'];

function phaseRows(comparison: Comparison): string[][] {
  return PHASES.map((phase) => {
    const ours = median(comparison.ours.map((r) => r.phases[phase] ?? 0)) / 1000;
    const stock = median(comparison.stock.map((r) => r.phases[phase] ?? 0)) / 1000;
    return [phase, s1(ours), s1(stock), s1(ours - stock)];
  });
}

function comparisonRow(c: Comparison): (string | number)[] {
  return [
    c.pages,
    withRange(
      c.ours.map((r) => r.seconds),
      1,
    ),
    withRange(
      c.stock.map((r) => r.seconds),
      1,
    ),
    `**${withRange(pairedRatios(c, (r) => r.seconds))}**`,
    withRange(pairedRatios(c, (r) => r.cpuSeconds)),
    Math.round(medianOf(c.ours, (r) => r.peakMemoryMb)),
    Math.round(medianOf(c.stock, (r) => r.peakMemoryMb)),
    withRange(pairedRatios(c, (r) => r.peakMemoryMb)),
    mb(medianOf(c.ours, (r) => r.outputBytes)),
    mb(medianOf(c.stock, (r) => r.outputBytes)),
    median(pairedRatios(c, (r) => r.outputBytes)).toFixed(2),
  ];
}

const COMPARISON_HEADER = [
  'Pages',
  'Ours (s)',
  'Stock (s)',
  'Time ours/stock',
  'CPU time ours/stock',
  'Ours peak (MB)',
  'Stock peak (MB)',
  'Memory ours/stock',
  'Ours output (MB)',
  'Stock output (MB)',
  'Output ours/stock',
];

/** Which part of a first query a downloaded file is. */
export function searchPart(download: Download): string {
  const file = download.url.split('?')[0]!.split('/').pop() ?? '';
  if (/^wasm\./.test(file) || /^pagefind(-worker)?\.js$/.test(file)) return 'Pagefind runtime';
  if (file.endsWith('.pf_index')) return 'index chunks';
  if (file.endsWith('.pf_fragment')) return 'page fragments';
  if (file.endsWith('.pf_meta') || file.endsWith('.pf_filter') || file === 'pagefind-entry.json') return 'metadata and filters';
  if (file === 'words.json' || file === 'synonyms.json') return 'synonyms and vocabulary';
  return 'site code';
}

const SEARCH_PARTS = ['Pagefind runtime', 'index chunks', 'page fragments', 'metadata and filters', 'synonyms and vocabulary', 'site code'];

function profileSection(profile: Profile): string[] {
  const rows = (list: readonly ProfileRow[]) => list.map((row) => [row.name, s1(row.ms / 1000), row.count ?? '']);
  const lines = [`### ${profile.site} (one build, ${s1(profile.seconds)} s)`, ''];
  lines.push(
    'Docusaurus phases (its performance log) and this site\'s steps (BUILD_TIMING=1). The two compilers run at the same time, so their phases overlap; "modules" includes the Markdown loaders (remark, rehype, KaTeX).',
    '',
  );
  lines.push(...table(['Phase or step', 'Seconds', 'Times'], [...rows(profile.phases), ...rows(profile.steps)]), '');
  for (const thread of profile.cpu) {
    lines.push(
      `CPU profile, ${thread.thread}: ${s1(thread.totalMs / 1000)} s sampled. Inclusive: with the category's code anywhere on the stack; self: in its own code. \`(idle)\` on the main thread is mostly waiting for Rspack's native threads.`,
      '',
    );
    const n = Math.max(thread.inclusive.length, thread.self.length);
    lines.push(
      ...table(
        ['Inclusive', 's', 'Self', 's'],
        Array.from({ length: n }, (_, i) => [
          thread.inclusive[i]?.name ?? '',
          thread.inclusive[i] ? s1(thread.inclusive[i]!.ms / 1000) : '',
          thread.self[i]?.name ?? '',
          thread.self[i] ? s1(thread.self[i]!.ms / 1000) : '',
        ]),
      ),
      '',
    );
  }
  return lines;
}

function experimentRow(e: Experiment): (string | number)[] {
  const pairs = { ours: e.variant, stock: e.base };
  const figures = Object.entries(e.figures ?? {})
    .map(([name, { base, variant }]) => `${name}: ${base} → ${variant}`)
    .join('; ');
  return [
    e.name,
    e.date,
    e.site,
    withRange(
      e.base.map((r) => r.seconds),
      1,
    ),
    withRange(
      e.variant.map((r) => r.seconds),
      1,
    ),
    `**${withRange(pairedRatios(pairs, (r) => r.seconds))}**`,
    withRange(pairedRatios(pairs, (r) => r.cpuSeconds)),
    median(pairedRatios(pairs, (r) => r.peakMemoryMb)).toFixed(2),
    median(pairedRatios(pairs, (r) => r.outputBytes)).toFixed(2),
    figures || '—',
  ];
}

export function formatReport(results: BenchmarkResults, notes = '', checks: readonly Check[] = evaluateBudgets(results)): string {
  const m = results.machine;
  const lines: string[] = [
    '# Benchmark report',
    '',
    `Generated by \`npm run benchmark${results.mode === 'quick' ? ' -- --quick' : ''}\` on ${results.date} in ${Math.round(results.minutes)} minutes. Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, Chromium at ${m.chromium}; load average ${m.loadAtStart.toFixed(1)} at the start and ${m.loadAtEnd.toFixed(1)} at the end (the machine is shared).`,
    '',
    "How to read it: seconds vary several-fold between runs on a shared machine, so every budget reads a ratio of builds made one after the other (ours and stock alternate which goes first), as the median of the pairs with the range in brackets. CPU time (user + system, all threads) is shown beside wall time: it suffers less from other people's work. Builds are cold on both sides (Docusaurus Faster's persistent cache off).",
    '',
    '## Budgets',
    '',
    ...table(
      ['Budget', 'Figure', 'Result', 'Gap'],
      checks.map((c) => [c.budget, c.figure, c.ok ? 'met' : '**missed**', c.gap ?? '']),
    ),
    '',
  ];
  if (results.builds.length > 0) {
    const builds = [...results.builds].sort((a, b) => a.pages - b.pages);
    const largest = builds.at(-1)!;
    lines.push(`## Builds of synthetic sites (same Markdown for both; ${Math.max(...builds.map((b) => b.ours.length))} pairs per size)`, '');
    lines.push(...table(COMPARISON_HEADER, builds.map(comparisonRow)), '');
    if (builds.length >= 2) {
      const [mid, last] = builds.slice(-2) as [Comparison, Comparison];
      const growth = (runs: (c: Comparison) => readonly BuildRun[], pick: (r: BuildRun) => number) =>
        (medianOf(runs(last), pick) / last.pages / (medianOf(runs(mid), pick) / mid.pages)).toFixed(2);
      lines.push(
        `Per-page cost at ${last.pages} pages over ${mid.pages} pages (1 = linear; below 1, fixed costs spread over more pages): ours ${growth(
          (c) => c.ours,
          (r) => r.seconds,
        )} for time and ${growth(
          (c) => c.ours,
          (r) => r.outputBytes,
        )} for output; stock ${growth(
          (c) => c.stock,
          (r) => r.seconds,
        )} and ${growth(
          (c) => c.stock,
          (r) => r.outputBytes,
        )}.`,
        '',
      );
    }
    lines.push(`### Output by kind of file at ${largest.pages} pages (MB)`, '');
    lines.push(...table(['', ...OUTPUT_KINDS, 'Total'], outputRows(largest)), '');
    lines.push(`### Build phases at ${largest.pages} pages (median seconds)`, '');
    lines.push(...table(['Docusaurus phase', 'Ours', 'Stock', 'Ours − stock'], phaseRows(largest)), '');
  }
  if (results.real) {
    const real = results.real;
    lines.push(`## The real site (all editions) against stock Docusaurus on the same Markdown (${real.ours.length} pairs)`, '');
    lines.push(...table(COMPARISON_HEADER, [comparisonRow(real)]), '');
    lines.push(...table(['', ...OUTPUT_KINDS, 'Total'], outputRows(real)), '');
    lines.push(...table(['Docusaurus phase', 'Ours', 'Stock', 'Ours − stock'], phaseRows(real)), '');
  }
  if (results.search.length > 0) {
    lines.push('## Search: bytes of the first query', '');
    lines.push(
      `From opening the search on the home page to the first results (the edition's index; files fetched before opening count too); gzip, all files. Budget: ${BUDGETS.searchFirstQueryKb} KB at the largest size.`,
      '',
    );
    lines.push(
      ...table(
        ['Site', 'Pages', 'Query', 'Total (KB)', ...SEARCH_PARTS.map((p) => `${p} (KB)`), 'Files'],
        results.search.map((s) => [
          s.site,
          s.pages,
          s.query,
          `**${kb(bytesOf(s.downloads))}**`,
          ...SEARCH_PARTS.map((part) => kb(bytesOf(s.downloads.filter((d) => searchPart(d) === part)))),
          s.downloads.length,
        ]),
      ),
      '',
    );
  }
  if (results.firstVisit.length > 0) {
    lines.push('## First visit to a topic page (KB gzip)', '');
    const kinds = (d: readonly Download[]) => [
      kb(bytesOf(d, ['document'])),
      kb(bytesOf(d, ['script'])),
      kb(bytesOf(d, ['stylesheet'])),
      kb(bytesOf(d, ['font'])),
      kb(bytesOf(d) - bytesOf(d, ['document', 'script', 'stylesheet', 'font'])),
      `**${kb(bytesOf(d, ['script', 'stylesheet']))}**`,
    ];
    lines.push(
      ...table(
        ['Site', 'Page', 'Side', 'HTML', 'JS', 'CSS', 'Fonts', 'Other', 'JS+CSS'],
        results.firstVisit.flatMap((v) => [
          [v.site, v.path, 'Ours', ...kinds(v.ours)],
          [v.site, v.path, 'Stock', ...kinds(v.stock)],
        ]),
      ),
      '',
    );
  }
  if (results.lighthouse.length > 0) {
    const runs = Math.max(...results.lighthouse.map((p) => p.runs.length));
    lines.push(`## Lighthouse, mobile (defaults: simulated slow 4G and 4× CPU slowdown; median of ${runs} runs, range in brackets)`, '');
    lines.push(
      ...table(
        [
          'Page type',
          'Path',
          'Performance',
          'Accessibility',
          'Best practices',
          'SEO',
          'LCP (ms)',
          'TBT (ms)',
          'CLS',
          'Benchmark index',
          'Audits below 90 (in any run)',
        ],
        results.lighthouse.map((page) => {
          const f = lighthouseMedians(page);
          const failed = [...new Set(page.runs.flatMap((r) => r.failedAudits))].join(', ');
          return [
            page.name,
            `\`${page.path}\``,
            withRange(
              page.runs.map((r) => r.performance),
              0,
            ),
            f.accessibility,
            f.bestPractices,
            f.seo,
            Math.round(f.lcpMs),
            Math.round(f.tbtMs),
            f.cls.toFixed(3),
            Math.round(median(page.runs.map((r) => r.benchmarkIndex))),
            failed || '—',
          ];
        }),
      ),
      '',
    );
    for (const page of results.lighthouse.filter((p) => p.skippedAudits))
      lines.push(`- ${page.name}: scored without ${page.skippedAudits!.audits.join(', ')}: ${page.skippedAudits!.reason}`);
    if (results.lighthouse.some((p) => p.skippedAudits)) lines.push('');
  }
  if (results.profiles.length > 0) {
    lines.push('## Where the build time goes (profile)', '');
    for (const profile of results.profiles) lines.push(...profileSection(profile));
  }
  if (results.experiments.length > 0) {
    lines.push('## Experiments (before and after, interleaved in one run)', '');
    lines.push(
      'Each row builds the same site from two checkouts, without and with the change, one after the other. Ratios are with/without: below 1 is faster or smaller.',
      '',
    );
    lines.push(
      ...table(
        ['Change', 'Date', 'Site', 'Without (s)', 'With (s)', 'Time with/without', 'CPU with/without', 'Memory', 'Output', 'Other figures (without → with)'],
        results.experiments.map(experimentRow),
      ),
      '',
    );
  }
  if (notes.trim()) lines.push(notes.trim(), '');
  return `${lines.join('\n')}`;
}
