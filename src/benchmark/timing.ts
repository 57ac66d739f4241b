/**
 * Build timing for the benchmark's profile, off unless `BUILD_TIMING=1`:
 * the build steps this site adds (the content index, the per-page remark
 * step, each post-build step) and, through `buildTiming()` in
 * docusaurus.config.ts, each Rspack compiler's phases (modules, chunk
 * optimization, minification, emit). Each measurement is printed as one
 * line, `[timing] <step> <milliseconds> ms`, which the benchmark reads back
 * (src/benchmark/profile.ts). With the variable unset, nothing is measured
 * or printed and the build is unchanged.
 */
import type { Plugin } from '@docusaurus/types';

export const TIMING_ENABLED = process.env.BUILD_TIMING === '1';
export const TIMING_PREFIX = '[timing]';

/** Totals of steps that run many times (once per page), printed by `flushTotals`. */
const totals = new Map<string, { ms: number; count: number }>();

export function reportTiming(step: string, ms: number, count?: number): void {
  if (TIMING_ENABLED) console.log(`${TIMING_PREFIX} ${step} ${ms.toFixed(1)} ms${count === undefined ? '' : ` (${count}×)`}`);
}

/** Runs `fn` and prints how long it took (when timing is on). */
export function timed<T>(step: string, fn: () => T): T {
  if (!TIMING_ENABLED) return fn();
  const started = performance.now();
  const result = fn();
  if (result instanceof Promise) {
    return result.finally(() => reportTiming(step, performance.now() - started)) as T;
  }
  reportTiming(step, performance.now() - started);
  return result;
}

/** Adds one run of a step that repeats (per page); see `flushTotals`. */
export function accumulate<T>(step: string, fn: () => T): T {
  if (!TIMING_ENABLED) return fn();
  const started = performance.now();
  try {
    return fn();
  } finally {
    const total = totals.get(step) ?? { ms: 0, count: 0 };
    total.ms += performance.now() - started;
    total.count += 1;
    totals.set(step, total);
  }
}

/** Prints and clears the accumulated totals. */
export function flushTotals(): void {
  for (const [step, { ms, count }] of totals) reportTiming(step, ms, count);
  totals.clear();
}

interface Hook {
  tap(name: string | { name: string; stage?: number }, fn: (...args: never[]) => void): void;
}
interface CompilationLike {
  hooks: { processAssets: Hook };
}
interface CompilerLike {
  hooks: { compile: Hook; finishMake: Hook; thisCompilation: Hook; afterEmit: Hook; done: Hook };
}

/** Rspack's processAssets stage at which its minimizers (SWC for JS, Lightning CSS) run. */
const OPTIMIZE_SIZE_STAGE = 400;

/** An Rspack plugin that prints the phases of one compiler ("client" or "server"). */
class CompilerPhases {
  constructor(private readonly name: string) {}

  apply(rspackCompiler: unknown): void {
    const compiler = rspackCompiler as CompilerLike;
    const marks = new Map<string, number>();
    const mark = (label: string) => () => marks.set(label, performance.now());
    const name = 'benchmark-timing';
    compiler.hooks.compile.tap(name, mark('start'));
    compiler.hooks.finishMake.tap(name, mark('made'));
    compiler.hooks.thisCompilation.tap(name, (compilation: CompilationLike) => {
      compilation.hooks.processAssets.tap({ name, stage: OPTIMIZE_SIZE_STAGE - 1 }, mark('minifyStart'));
      compilation.hooks.processAssets.tap({ name, stage: OPTIMIZE_SIZE_STAGE + 1 }, mark('minifyEnd'));
    });
    compiler.hooks.afterEmit.tap(name, mark('emitted'));
    compiler.hooks.done.tap(name, () => {
      const at = (label: string) => marks.get(label);
      const span = (step: string, from: string, to: string) => {
        const a = at(from);
        const b = at(to);
        if (a !== undefined && b !== undefined) reportTiming(`bundle ${this.name}: ${step}`, b - a);
      };
      span('modules (loaders, parsing)', 'start', 'made');
      span('chunks and optimization', 'made', 'minifyStart');
      span('minification', 'minifyStart', 'minifyEnd');
      span('emit', 'minifyEnd', 'emitted');
      span('total', 'start', 'emitted');
    });
  }
}

/** The Docusaurus plugin that adds `CompilerPhases` to each compiler when timing is on. */
export function buildTiming(): Plugin {
  return {
    name: 'build-timing',
    configureWebpack(_config, isServer) {
      return TIMING_ENABLED ? { plugins: [new CompilerPhases(isServer ? 'server' : 'client')] } : {};
    },
  };
}

type Attacher = (this: never, ...options: never[]) => unknown;
type Transformer = (...args: unknown[]) => unknown;

/**
 * A unified plugin whose transformer's time is added to `step` (once per
 * file). With timing off this returns the plugin itself.
 */
export function timedPlugin<P extends Attacher>(step: string, plugin: P): P {
  if (!TIMING_ENABLED) return plugin;
  return function (this: unknown, ...options: unknown[]) {
    const transformer = (plugin as unknown as (...options: unknown[]) => unknown).apply(this, options);
    if (typeof transformer !== 'function') return transformer;
    return (...args: unknown[]) => accumulate(step, () => (transformer as Transformer)(...args));
  } as unknown as P;
}

/** Times consecutive steps: each `lap(step)` prints the time since the previous lap (or since the stopwatch started). */
export function stopwatch(): { lap(step: string): void } {
  let last = performance.now();
  return {
    lap(step: string) {
      const now = performance.now();
      reportTiming(step, now - last);
      last = now;
    },
  };
}
