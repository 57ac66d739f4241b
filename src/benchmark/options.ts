/**
 * The benchmark's command line, turned into a plan (pure, unit-tested).
 *
 *   npm run benchmark                 full run (about 30 to 60 minutes on two shared cores)
 *   npm run benchmark -- --quick      small sizes, one run each (a few minutes); report in .benchmark/quick/
 *   --sizes 50,250,1000               synthetic site sizes
 *   --repeats 3                       builds of each side per size (interleaved ours/stock)
 *   --lighthouse-runs 3               Lighthouse runs per page type
 *   --skip-lighthouse --skip-real --skip-profile --skip-search
 *   --out DIR                         where REPORT.md and report.json go
 *   --report-only                     rewrite REPORT.md from report.json, notes.md and experiments.json (no measuring)
 *   --ab DIR --name "what changed"    an experiment: builds this checkout ("with") and the checkout in DIR
 *                                     ("without") interleaved, at --ab-sizes (default 250) and, with
 *                                     --ab-real, the real site; records it in src/benchmark/experiments.json
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface Plan {
  readonly mode: 'full' | 'quick';
  readonly sizes: readonly number[];
  readonly repeats: number;
  readonly realRepeats: number;
  readonly lighthouseRuns: number;
  readonly lighthouse: boolean;
  readonly real: boolean;
  readonly profile: boolean;
  readonly search: boolean;
  /** Search queries measured on every build (the first is the one the results page is audited with). */
  readonly queries: readonly string[];
  /** Folder of REPORT.md and report.json. */
  readonly outDir: string;
  /** Only rewrite REPORT.md from the last report.json (after editing notes.md). */
  readonly reportOnly: boolean;
  readonly ab?: { readonly baseDir: string; readonly name: string; readonly sizes: readonly number[]; readonly real: boolean };
}

const numbers = (text: string, option: string): number[] => {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error(`--${option} takes whole numbers separated by commas, e.g. 50,250`);
  return values;
};

export function planFromArgs(args: readonly string[], siteDir: string): Plan {
  const { values } = parseArgs({
    args: [...args],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      repeats: { type: 'string' },
      'lighthouse-runs': { type: 'string' },
      'skip-lighthouse': { type: 'boolean', default: false },
      'skip-real': { type: 'boolean', default: false },
      'skip-profile': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      out: { type: 'string' },
      'report-only': { type: 'boolean', default: false },
      ab: { type: 'string' },
      name: { type: 'string' },
      'ab-sizes': { type: 'string' },
      'ab-real': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const quick = values.quick!;
  const repeats = values.repeats ? numbers(values.repeats, 'repeats')[0]! : quick ? 1 : 3;
  const plan: Plan = {
    mode: quick ? 'quick' : 'full',
    sizes: values.sizes ? numbers(values.sizes, 'sizes').sort((a, b) => a - b) : quick ? [50, 100] : [50, 250, 1000],
    repeats,
    realRepeats: repeats,
    lighthouseRuns: values['lighthouse-runs'] ? numbers(values['lighthouse-runs'], 'lighthouse-runs')[0]! : quick ? 1 : 3,
    lighthouse: !values['skip-lighthouse'],
    real: !values['skip-real'],
    profile: !values['skip-profile'],
    search: !values['skip-search'],
    queries: ['esketamine', 'ketamine'],
    outDir: values.out ?? (quick ? join(siteDir, '.benchmark', 'quick') : join(siteDir, 'src', 'benchmark')),
    reportOnly: values['report-only']!,
  };
  if (values.ab) {
    if (!values.name) throw new Error('--ab needs --name "what the change is"');
    return {
      ...plan,
      ab: {
        baseDir: resolve(values.ab),
        name: values.name,
        sizes: values['ab-sizes'] ? numbers(values['ab-sizes'], 'ab-sizes') : [250],
        real: values['ab-real']!,
      },
    };
  }
  return plan;
}
