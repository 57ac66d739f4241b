/**
 * Measurements for the benchmark: wall time, CPU time and peak memory of a
 * command (summed over its whole process tree, sampled from /proc), folder
 * sizes, gzip sizes, and the statistics the report gives (median and
 * range).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RunResult {
  readonly seconds: number;
  /** User + system CPU time of the process tree (threads included), from the last sample before it ended. */
  readonly cpuSeconds: number;
  readonly peakMemoryMb: number;
  readonly status: number | null;
  readonly output: string;
}

const CLOCK_TICKS = 100;
const PAGE_SIZE = 4096;

interface ProcSample {
  readonly rss: number;
  readonly cpuTicks: number;
}

/** Resident memory and CPU ticks of a process and all its descendants. */
function treeSample(root: number): ProcSample {
  const children = new Map<number, number[]>();
  const stats = new Map<number, ProcSample>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      // Fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 here; rss is field 24.
      const cpuTicks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.set(pid, { rss: Number(fields[21]) * PAGE_SIZE, cpuTicks });
    } catch {
      // The process ended while we looked; it no longer counts.
    }
  }
  let rss = 0;
  let cpuTicks = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    rss += stats.get(pid)?.rss ?? 0;
    cpuTicks += stats.get(pid)?.cpuTicks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, cpuTicks };
}

export function measureCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    let cpuTicks = 0;
    const timer = setInterval(() => {
      if (!child.pid) return;
      const sample = treeSample(child.pid);
      peak = Math.max(peak, sample.rss);
      cpuTicks = Math.max(cpuTicks, sample.cpuTicks);
    }, 100);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        cpuSeconds: cpuTicks / CLOCK_TICKS,
        peakMemoryMb: peak / 1024 / 1024,
        status,
        output,
      });
    });
  });
}

export function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}

export const gzipBytes = (body: Buffer) => gzipSync(body, { level: 9 }).length;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** What a kind of output file is, for the output breakdown. */
export function outputCategory(relativePath: string): string {
  if (relativePath.startsWith('pagefind/')) return 'search index';
  if (/\.references\.(bib|ris|csl\.json)$/.test(relativePath)) return 'reference downloads';
  if (relativePath.endsWith('.html')) return 'HTML';
  if (relativePath.endsWith('.js')) return 'JS';
  if (relativePath.endsWith('.css')) return 'CSS';
  if (/\.(woff2?|ttf|eot)$/.test(relativePath)) return 'fonts';
  return 'other';
}

/** Bytes of a build folder by kind of file. */
export function outputBreakdown(dir: string): Record<string, number> {
  const totals: Record<string, number> = {};
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const relative = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(at, entry.name), `${relative}/`);
      else {
        const category = outputCategory(relative);
        totals[category] = (totals[category] ?? 0) + statSync(join(at, entry.name)).size;
      }
    }
  };
  walk(dir, '');
  return totals;
}
