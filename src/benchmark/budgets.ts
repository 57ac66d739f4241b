/**
 * The performance budgets (issues 14 and 19) and their evaluation against
 * one run's figures. Pure: no files, no processes, so it is unit-tested.
 *
 * Build times on a shared machine are compared as ratios of builds made one
 * after the other (ours and stock alternate which goes first); each budget
 * reads the median of those paired ratios.
 */
import { median } from './measure';
import type { BenchmarkResults, BuildRun, Comparison, Download, LighthousePage } from './results';

export const BUDGETS = {
  /** Build wall time ours/stock on the same synthetic Markdown, at every size. */
  buildTimeRatio: 1.2,
  /** Peak memory (process tree) ours/stock, at every size. */
  buildMemoryRatio: 1.2,
  /** Output bytes ours/stock at the largest size. */
  outputRatio: 1.5,
  /** Per-page build time and output at the largest size over the next largest (1 = linear). */
  growthPerPage: 1.1,
  /** JS+CSS of a first visit to a topic page: ours at most stock plus this fraction. */
  firstVisitJsCssExtra: 0.1,
  lighthousePerformance: 95,
  lighthouseOtherCategories: 100,
  /** Cumulative layout shift, strictly below. */
  cls: 0.05,
  /** Bytes (gzip, all files) from opening search to the first results, at the largest size. */
  searchFirstQueryKb: 150,
  /** Search indexing as a share of the whole build at the largest size. */
  searchIndexShare: 0.15,
  /** The real site (all editions) against a stock build of the same Markdown. */
  realSiteTimeRatio: 1.3,
} as const;

export const SEARCH_INDEX_PHASE = 'postBuild: search index (Pagefind)';

export interface Check {
  readonly budget: string;
  readonly figure: string;
  readonly ok: boolean;
  /** How far a missed budget is from its limit, in words. */
  readonly gap?: string;
}

export const KB = 1024;
export const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;

/** Ratios of paired runs (`ours[i] / stock[i]`) of one measure. */
export function pairedRatios(comparison: Pick<Comparison, 'ours' | 'stock'>, pick: (run: BuildRun) => number): number[] {
  const n = Math.min(comparison.ours.length, comparison.stock.length);
  return Array.from({ length: n }, (_, i) => pick(comparison.ours[i]!) / pick(comparison.stock[i]!));
}

export const medianOf = (runs: readonly BuildRun[], pick: (run: BuildRun) => number) => median(runs.map(pick));

/** Bytes of the downloads of some resource types (all when `types` is omitted). */
export function bytesOf(downloads: readonly Download[], types?: readonly string[]): number {
  return downloads.filter((d) => !types || types.includes(d.type)).reduce((total, d) => total + d.gzip, 0);
}

const JS_CSS = ['script', 'stylesheet'];

function over(figure: number, limit: number, unit = ''): string {
  return `${unit === '' ? (figure - limit).toFixed(2) : `${(figure - limit).toFixed(1)} ${unit}`} over (${Math.round(((figure - limit) / limit) * 100)}%)`;
}

function under(figure: number, limit: number): string {
  return `${(limit - figure).toFixed(0)} below`;
}

function check(budget: string, figure: string, ok: boolean, gap: string): Check {
  return ok ? { budget, figure, ok } : { budget, figure, ok, gap };
}

/** The lowest median score of a page's category across its runs, per category. */
export function lighthouseMedians(page: LighthousePage) {
  const pick = (f: (r: LighthousePage['runs'][number]) => number) => median(page.runs.map(f));
  return {
    performance: pick((r) => r.performance),
    accessibility: pick((r) => r.accessibility),
    bestPractices: pick((r) => r.bestPractices),
    seo: pick((r) => r.seo),
    lcpMs: pick((r) => r.lcpMs),
    tbtMs: pick((r) => r.tbtMs),
    cls: pick((r) => r.cls),
  };
}

export function evaluateBudgets(results: Pick<BenchmarkResults, 'builds' | 'real' | 'search' | 'firstVisit' | 'lighthouse'>): Check[] {
  const checks: Check[] = [];
  const builds = [...results.builds].sort((a, b) => a.pages - b.pages);
  for (const b of builds) {
    const time = median(pairedRatios(b, (r) => r.seconds));
    checks.push(
      check(
        `Build time ours/stock ≤ ${BUDGETS.buildTimeRatio} at ${b.pages} pages`,
        time.toFixed(2),
        time <= BUDGETS.buildTimeRatio,
        over(time, BUDGETS.buildTimeRatio),
      ),
    );
    const memory = median(pairedRatios(b, (r) => r.peakMemoryMb));
    checks.push(
      check(
        `Peak memory ours/stock ≤ ${BUDGETS.buildMemoryRatio} at ${b.pages} pages`,
        memory.toFixed(2),
        memory <= BUDGETS.buildMemoryRatio,
        over(memory, BUDGETS.buildMemoryRatio),
      ),
    );
  }
  const largest = builds.at(-1);
  if (largest) {
    const output = median(pairedRatios(largest, (r) => r.outputBytes));
    checks.push(
      check(
        `Output bytes ours/stock ≤ ${BUDGETS.outputRatio} at ${largest.pages} pages`,
        output.toFixed(2),
        output <= BUDGETS.outputRatio,
        over(output, BUDGETS.outputRatio),
      ),
    );
    const share = median(largest.ours.map((r) => (r.phases[SEARCH_INDEX_PHASE] ?? 0) / 1000 / r.seconds));
    checks.push(
      check(
        `Search indexing ≤ ${BUDGETS.searchIndexShare * 100}% of the build at ${largest.pages} pages`,
        `${(share * 100).toFixed(1)}%`,
        share <= BUDGETS.searchIndexShare,
        `${((share - BUDGETS.searchIndexShare) * 100).toFixed(1)} points over`,
      ),
    );
  }
  if (builds.length >= 2) {
    const [mid, last] = builds.slice(-2) as [Comparison, Comparison];
    const perPage = (c: Comparison, pick: (r: BuildRun) => number) => medianOf(c.ours, pick) / c.pages;
    const time = perPage(last, (r) => r.seconds) / perPage(mid, (r) => r.seconds);
    const output = perPage(last, (r) => r.outputBytes) / perPage(mid, (r) => r.outputBytes);
    checks.push(
      check(
        `Build time per page, ${last.pages} vs ${mid.pages} pages ≤ ${BUDGETS.growthPerPage}`,
        time.toFixed(2),
        time <= BUDGETS.growthPerPage,
        over(time, BUDGETS.growthPerPage),
      ),
    );
    checks.push(
      check(
        `Output bytes per page, ${last.pages} vs ${mid.pages} pages ≤ ${BUDGETS.growthPerPage}`,
        output.toFixed(2),
        output <= BUDGETS.growthPerPage,
        over(output, BUDGETS.growthPerPage),
      ),
    );
  }
  if (results.real) {
    const time = median(pairedRatios(results.real, (r) => r.seconds));
    checks.push(
      check(
        `Real site (all editions) build time ours/stock ≤ ${BUDGETS.realSiteTimeRatio}`,
        time.toFixed(2),
        time <= BUDGETS.realSiteTimeRatio,
        over(time, BUDGETS.realSiteTimeRatio),
      ),
    );
  }
  for (const visit of results.firstVisit) {
    const ours = bytesOf(visit.ours, JS_CSS);
    const stock = bytesOf(visit.stock, JS_CSS);
    const limit = stock * (1 + BUDGETS.firstVisitJsCssExtra);
    checks.push(
      check(
        `First visit JS+CSS ≤ stock + ${BUDGETS.firstVisitJsCssExtra * 100}% (${visit.site}, ${visit.path})`,
        `${kb(ours)} KB vs ${kb(stock)} KB (${(ours / stock).toFixed(2)}×)`,
        ours <= limit,
        over(kb(ours), kb(limit), 'KB'),
      ),
    );
  }
  const largestSearch = Math.max(0, ...results.search.filter((s) => s.site !== 'real site').map((s) => s.pages));
  for (const search of results.search.filter((s) => s.pages === largestSearch || s.site === 'real site')) {
    const size = kb(bytesOf(search.downloads));
    checks.push(
      check(
        `Search first query ≤ ${BUDGETS.searchFirstQueryKb} KB (${search.site}, "${search.query}")`,
        `${size} KB`,
        size <= BUDGETS.searchFirstQueryKb,
        over(size, BUDGETS.searchFirstQueryKb, 'KB'),
      ),
    );
  }
  for (const page of results.lighthouse) {
    const f = lighthouseMedians(page);
    checks.push(
      check(
        `Lighthouse mobile performance ≥ ${BUDGETS.lighthousePerformance}: ${page.name}`,
        String(f.performance),
        f.performance >= BUDGETS.lighthousePerformance,
        under(f.performance, BUDGETS.lighthousePerformance),
      ),
    );
    const others = Math.min(f.accessibility, f.bestPractices, f.seo);
    checks.push(
      check(
        `Lighthouse accessibility, best practices, SEO = 100: ${page.name}`,
        `${f.accessibility}/${f.bestPractices}/${f.seo}`,
        others >= BUDGETS.lighthouseOtherCategories,
        `lowest ${others}`,
      ),
    );
    checks.push(check(`CLS < ${BUDGETS.cls}: ${page.name}`, f.cls.toFixed(3), f.cls < BUDGETS.cls, `${(f.cls - BUDGETS.cls).toFixed(3)} over`));
  }
  return checks;
}
