/**
 * Where build time goes, read from a build's own output and CPU profiles:
 *
 * - Docusaurus's phases, from its performance log (DOCUSAURUS_PERF_LOGGER=true
 *   prints `[PERF] Build > en > Bundling with rspack - 10.14 seconds! - …`);
 * - this site's steps and each Rspack compiler's phases, from the timing
 *   lines of src/benchmark/timing.ts (BUILD_TIMING=1);
 * - CPU time by package or site folder, from V8 CPU profiles (`node
 *   --cpu-prof`): self time, and inclusive time (the category anywhere on
 *   the stack). Rspack's own Rust threads and the Pagefind binary are not
 *   JavaScript and do not appear there; the phases cover them.
 *
 * The parsers are pure and unit-tested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { TIMING_PREFIX } from './timing';
import type { CpuProfileSummary, ProfileRow } from './results';

/** Docusaurus's top-level build phases, as named in its performance log under "Build > <locale> > ". */
export const DOCUSAURUS_PHASES = [
  'Load site',
  'Creating rspack bundler configs',
  'Bundling with rspack',
  'SSG',
  'postBuild()',
  'Broken links checker',
] as const;

const PERF_LINE = /^\[PERF\] (.+?) - ([\d.]+) (ms|seconds)!? - /;
const TIMING_LINE = new RegExp(`^${TIMING_PREFIX.replace(/[[\]]/g, '\\$&')} (.+) ([\\d.]+) ms(?: \\((\\d+)×\\))?$`);

/** The phases and steps a build printed, in milliseconds, by name (Docusaurus phases by their own name, site steps by theirs). */
export function parseBuildOutput(output: string): { phases: ProfileRow[]; steps: ProfileRow[] } {
  const phases: ProfileRow[] = [];
  const steps: ProfileRow[] = [];
  for (const line of output.split('\n')) {
    const perf = PERF_LINE.exec(line.trim());
    if (perf) {
      const path = perf[1]!.split(' > ');
      const ms = Number(perf[2]) * (perf[3] === 'seconds' ? 1000 : 1);
      if (path.length === 3 && path[0] === 'Build' && (DOCUSAURUS_PHASES as readonly string[]).includes(path[2]!)) phases.push({ name: path[2]!, ms });
      if (path.length === 1 && path[0] === 'Build') phases.push({ name: 'Build (total)', ms });
      continue;
    }
    const timing = TIMING_LINE.exec(line.trim());
    if (timing) steps.push({ name: timing[1]!, ms: Number(timing[2]), ...(timing[3] ? { count: Number(timing[3]) } : {}) });
  }
  return { phases, steps };
}

/** Phases and steps as one record (for report.json's per-build figures). */
export function phaseRecord(output: string): Record<string, number> {
  const { phases, steps } = parseBuildOutput(output);
  return Object.fromEntries([...phases, ...steps].map((row) => [row.name, Math.round(row.ms)]));
}

interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * The category of a stack frame: a package (the last `node_modules/<name>`
 * in its URL), a folder of this site (`site: src/remark/citations`),
 * Node's internals, or V8's pseudo-frames (`(garbage collector)`, `(idle)`,
 * `(program)`: native code, such as Rspack's binding, running on this thread).
 */
export function categoryOf(url: string, functionName: string, siteDir: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  // The React server bundle the SSG workers render pages with (Docusaurus names it server.bundle.js).
  if (/(^|\/)server\.bundle\.js$/.test(path) || path.includes('/__server/')) return 'server bundle (React rendering)';
  const modules = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (modules !== -1) {
    const parts = path.slice(modules + `${sep}node_modules${sep}`.length).split(sep);
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const site = siteDir.endsWith(sep) ? siteDir : `${siteDir}${sep}`;
  if (path.startsWith(site)) {
    const parts = path.slice(site.length).split(sep);
    if (parts[0] === 'src') return `site: ${parts.slice(0, Math.min(3, parts.length - 1)).join('/')}`;
    return `site: ${parts[0]}`;
  }
  return 'other';
}

/** Self and inclusive time (ms) per category in one profile. */
export function summarizeCpuProfile(profile: CpuProfile, siteDir: string): { totalMs: number; self: Map<string, number>; inclusive: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const category = new Map(profile.nodes.map((node) => [node.id, categoryOf(node.callFrame.url, node.callFrame.functionName, siteDir)]));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const stackCategories = new Map<number, Set<string>>();
  const categoriesOnStack = (id: number): Set<string> => {
    const known = stackCategories.get(id);
    if (known) return known;
    const set = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node && node.callFrame.functionName !== '(root)') set.add(category.get(at)!);
    }
    stackCategories.set(id, set);
    return set;
  };
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    totalMs += ms;
    const own = category.get(id) ?? 'other';
    self.set(own, (self.get(own) ?? 0) + ms);
    for (const name of categoriesOnStack(id)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  return { totalMs, self, inclusive };
}

/**
 * Categories that only pass calls on (timing wrappers, Docusaurus's phase
 * logger, unified's middleware runner, Node's module and async machinery):
 * nearly everything runs "inside" them, so they are left out of the
 * inclusive list, where they would say nothing.
 */
export const PASS_THROUGH = new Set(['site: src/benchmark', '@docusaurus/logger', 'trough', 'node internals', 'tinypool', 'p-map']);

const rows = (map: Map<string, number>, top: number): ProfileRow[] =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms: Math.round(ms) }));

/**
 * Summaries of every profile in a folder Node wrote with --cpu-prof: the
 * main thread, and the worker threads (Docusaurus's SSG workers) together.
 * Node names the files `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`.
 */
export function summarizeCpuProfiles(dir: string, siteDir: string, top = 14): CpuProfileSummary[] {
  const groups = new Map<string, { totalMs: number; self: Map<string, number>; inclusive: Map<string, number>; files: number }>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const thread = Number(file.split('.').at(-3));
    const group = thread === 0 ? 'main thread' : 'worker threads';
    const summary = summarizeCpuProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, siteDir);
    const into = groups.get(group) ?? { totalMs: 0, self: new Map(), inclusive: new Map(), files: 0 };
    into.totalMs += summary.totalMs;
    into.files += 1;
    for (const [name, ms] of summary.self) into.self.set(name, (into.self.get(name) ?? 0) + ms);
    for (const [name, ms] of summary.inclusive) into.inclusive.set(name, (into.inclusive.get(name) ?? 0) + ms);
    groups.set(group, into);
  }
  return [...groups].map(([thread, g]) => ({
    thread: thread === 'main thread' ? thread : `${thread} (${g.files})`,
    totalMs: Math.round(g.totalMs),
    self: rows(g.self, top),
    inclusive: rows(new Map([...g.inclusive].filter(([name]) => !PASS_THROUGH.has(name))), top),
  }));
}
