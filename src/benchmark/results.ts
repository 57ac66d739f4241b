/**
 * What one benchmark run measured, as written to report.json and read by
 * the budget checks (budgets.ts) and the report (report.ts).
 */

/** One build. Phases are Docusaurus's own (DOCUSAURUS_PERF_LOGGER) and this site's timing lines (BUILD_TIMING). */
export interface BuildRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMemoryMb: number;
  readonly outputBytes: number;
  /** Output bytes by kind of file (HTML, JS, CSS, search index, reference downloads, fonts, other). */
  readonly output: Readonly<Record<string, number>>;
  /** Milliseconds by phase name, e.g. "Bundling with rspack", "postBuild: search index (Pagefind)". */
  readonly phases: Readonly<Record<string, number>>;
}

/** Builds of ours and stock on the same Markdown; `ours[i]` and `stock[i]` were built one after the other. */
export interface Comparison {
  /** e.g. "250 synthetic pages" or "real site (all editions)". */
  readonly label: string;
  readonly pages: number;
  readonly ours: readonly BuildRun[];
  readonly stock: readonly BuildRun[];
}

export interface Download {
  readonly type: string;
  readonly url: string;
  readonly gzip: number;
}

/** The bytes a first search downloads, from opening the search to the first results shown. */
export interface SearchFigure {
  /** Which build: e.g. "250 synthetic pages" or "real site". */
  readonly site: string;
  readonly pages: number;
  readonly query: string;
  readonly downloads: readonly Download[];
}

/** Everything a fresh browser downloads to show a topic page. */
export interface FirstVisit {
  readonly site: string;
  readonly path: string;
  readonly ours: readonly Download[];
  readonly stock: readonly Download[];
}

export interface LighthouseRun {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  /** Lighthouse's measure of how fast the machine was during the run (higher is faster). */
  readonly benchmarkIndex: number;
  /** Audits that did not pass in the four categories, with their score. */
  readonly failedAudits: readonly string[];
}

export interface LighthousePage {
  readonly name: string;
  readonly path: string;
  /** Audits left out of the scores, with the reason (e.g. a draft page is noindex by design). */
  readonly skippedAudits?: { readonly audits: readonly string[]; readonly reason: string };
  readonly runs: readonly LighthouseRun[];
}

export interface ProfileRow {
  readonly name: string;
  readonly ms: number;
  /** For steps that repeat per page: how many times. */
  readonly count?: number;
}

export interface CpuProfileSummary {
  /** Thread label, e.g. "main thread" or "SSG workers (2)". */
  readonly thread: string;
  readonly totalMs: number;
  /** Time with the category's code anywhere on the stack. */
  readonly inclusive: readonly ProfileRow[];
  /** Time in the category's own code. */
  readonly self: readonly ProfileRow[];
}

export interface Profile {
  /** Which build was profiled. */
  readonly site: string;
  readonly seconds: number;
  readonly phases: readonly ProfileRow[];
  readonly steps: readonly ProfileRow[];
  readonly cpu: readonly CpuProfileSummary[];
}

/** A change tried during the run: the same build with and without it, interleaved. */
export interface Experiment {
  readonly name: string;
  readonly date: string;
  readonly site: string;
  /** Builds without the change (`base`) and with it (`variant`), paired by index. */
  readonly base: readonly BuildRun[];
  readonly variant: readonly BuildRun[];
  /** Other figures measured on both builds, e.g. "search first query (KB)": { base, variant }. */
  readonly figures?: Readonly<Record<string, { readonly base: number; readonly variant: number }>>;
}

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly chromium: string;
  /** Load average (1 minute) when the run started and ended: the machine is shared. */
  readonly loadAtStart: number;
  readonly loadAtEnd: number;
}

export interface BenchmarkResults {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly minutes: number;
  readonly machine: Machine;
  readonly builds: readonly Comparison[];
  readonly real?: Comparison;
  readonly search: readonly SearchFigure[];
  readonly firstVisit: readonly FirstVisit[];
  readonly lighthouse: readonly LighthousePage[];
  readonly profiles: readonly Profile[];
  readonly experiments: readonly Experiment[];
}
