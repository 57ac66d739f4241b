/**
 * Our effect sizes and pooled results against R's metafor, the reference
 * implementation of meta-analysis. R runs once for the whole file on every
 * input set in `__fixtures__/metafor-sets.json` (see `metafor.R`); each test
 * then compares one model of one set and lists every number that differs,
 * so a failure shows all the disagreements at once.
 *
 * Agreement means a relative difference of at most 5e-4 (at least three
 * significant figures) or an absolute one of at most 1e-6 for numbers near 0.
 */
// cspell:words Rscript jsonlite confint pval
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  binaryEffect,
  continuousEffect,
  reportedEffect,
  type BinaryArm,
  type ContinuousArm,
  type EffectResult,
  type Measure,
  type StudyEffect,
} from '../effects';
import { leaveOneOut, pool, predictionInterval, tau2ConfidenceInterval, type PoolOptions, type PoolResult } from '../pool';

const INSTALL = 'install R and metafor: apt-get install -y r-base-core r-cran-metafor';

type FixtureStudy =
  | { intervention: BinaryArm; control: BinaryArm }
  | { intervention: ContinuousArm; control: ContinuousArm }
  | { reported: { estimate: number; ci: [number, number] } };

interface FixtureSet {
  id: string;
  about: string;
  measure: Measure;
  studies: FixtureStudy[];
}

type Num = number | null;
interface RModel {
  estimate: Num;
  se: Num;
  statistic: Num;
  pval: Num;
  ci_lb: Num;
  ci_ub: Num;
  tau2: Num;
  Q: Num;
  Qp: Num;
  I2: Num;
  H2: Num;
  weights: Num[];
  pi_lb: Num;
  pi_ub: Num;
  pi_riley_lb: Num;
  pi_riley_ub: Num;
  confint: { tau2: Num[]; I2: Num[]; H2: Num[] } | null;
  leave1out: { estimate: Num[]; se: Num[]; ci_lb: Num[]; ci_ub: Num[]; tau2: Num[]; I2: Num[]; Q: Num[] } | null;
}
interface RSet {
  id: string;
  yi: number[];
  vi: number[];
  models: Record<ModelName, RModel | null>;
}

const MODELS = {
  FE: { method: 'FE', test: 'z' },
  DL: { method: 'DL', test: 'z' },
  REML: { method: 'REML', test: 'z' },
  KNHA: { method: 'REML', test: 'knha' },
} as const satisfies Record<string, PoolOptions>;
type ModelName = keyof typeof MODELS;

const sets: FixtureSet[] = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'metafor-sets.json'), 'utf8'));

function effectOf(measure: Measure, study: FixtureStudy): EffectResult {
  if ('reported' in study) return reportedEffect(measure, study.reported.estimate, study.reported.ci);
  if ('events' in study.intervention && 'events' in study.control) {
    return binaryEffect(measure as 'RR' | 'OR' | 'RD', study.intervention, study.control);
  }
  return continuousEffect(measure as 'MD' | 'SMD', study.intervention as ContinuousArm, study.control as ContinuousArm);
}

function effectsOf(set: FixtureSet): StudyEffect[] {
  return set.studies.map((study) => {
    const effect = effectOf(set.measure, study);
    if (!effect.estimable) throw new Error(`${set.id}: ${effect.reason}`);
    return effect;
  });
}

/** The input format metafor.R reads: metafor's own argument names. */
function rInput(set: FixtureSet): Record<string, unknown> {
  const column = <T>(pick: (s: FixtureStudy) => T) => set.studies.map(pick);
  const first = set.studies[0]!;
  if ('reported' in first) {
    const reported = set.studies as { reported: { estimate: number; ci: [number, number] } }[];
    return {
      id: set.id,
      measure: set.measure,
      type: 'reported',
      estimate: reported.map((s) => s.reported.estimate),
      lower: reported.map((s) => s.reported.ci[0]),
      upper: reported.map((s) => s.reported.ci[1]),
    };
  }
  if ('events' in first.intervention) {
    const arms = set.studies as { intervention: BinaryArm; control: BinaryArm }[];
    return {
      id: set.id,
      measure: set.measure,
      type: 'binary',
      ai: arms.map((s) => s.intervention.events),
      n1i: arms.map((s) => s.intervention.n),
      ci: arms.map((s) => s.control.events),
      n2i: arms.map((s) => s.control.n),
    };
  }
  const arms = column((s) => s as { intervention: ContinuousArm; control: ContinuousArm });
  return {
    id: set.id,
    measure: set.measure,
    type: 'continuous',
    m1i: arms.map((s) => s.intervention.mean),
    sd1i: arms.map((s) => s.intervention.sd),
    n1i: arms.map((s) => s.intervention.n),
    m2i: arms.map((s) => s.control.mean),
    sd2i: arms.map((s) => s.control.sd),
    n2i: arms.map((s) => s.control.n),
  };
}

let reference: Map<string, RSet> | undefined;

/** Runs metafor.R once and caches its answer; fails with the install command when R or metafor is missing. */
function metafor(): Map<string, RSet> {
  if (reference) return reference;
  const dir = mkdtempSync(join(tmpdir(), 'metafor-'));
  try {
    const input = join(dir, 'input.json');
    writeFileSync(input, JSON.stringify(sets.map(rInput)));
    const run = spawnSync('Rscript', [join(__dirname, 'metafor.R'), input], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // One R start-up serves as the check: a missing Rscript fails to spawn, metafor.R exits 3 or 4 without its packages.
    if (run.error || run.status === 3) throw new Error(INSTALL);
    if (run.status === 4) throw new Error('install the R package jsonlite: apt-get install -y r-cran-jsonlite');
    if (run.status !== 0) throw new Error(`metafor.R failed:\n${run.stderr}`);
    const parsed = JSON.parse(run.stdout) as RSet[];
    reference = new Map(parsed.map((set) => [set.id, set]));
    return reference;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function agrees(ours: number, theirs: number): boolean {
  const difference = Math.abs(ours - theirs);
  return difference <= 1e-6 || difference <= 5e-4 * Math.abs(theirs);
}

/** Collects disagreements as readable lines instead of stopping at the first. */
class Comparison {
  readonly differences: string[] = [];
  number(what: string, ours: number | undefined, theirs: Num | undefined): void {
    if (theirs === null || theirs === undefined) {
      this.differences.push(`${what}: metafor gave no value (ours ${ours})`);
    } else if (ours === undefined || !agrees(ours, theirs)) {
      this.differences.push(`${what}: ours ${ours}, metafor ${theirs}`);
    }
  }
  numbers(what: string, ours: readonly (number | undefined)[], theirs: readonly Num[]): void {
    if (ours.length !== theirs.length) this.differences.push(`${what}: ${ours.length} values, metafor ${theirs.length}`);
    theirs.forEach((value, i) => this.number(`${what}[${i + 1}]`, ours[i], value));
  }
}

function compareModel(c: Comparison, result: PoolResult, r: RModel, effects: readonly StudyEffect[], options: PoolOptions): void {
  if (result.kind !== 'pooled' && result.kind !== 'single-study') {
    c.differences.push(`our result is ${result.kind}: ${result.note}`);
    return;
  }
  c.number('estimate', result.estimate, r.estimate);
  c.number('se', result.se, r.se);
  c.number('z or t', result.statistic, r.statistic);
  c.number('p', result.pValue, r.pval);
  c.number('ci.lb', result.lower, r.ci_lb);
  c.number('ci.ub', result.upper, r.ci_ub);
  c.number('tau2', result.tau2, r.tau2);
  c.numbers('weight', result.weights, r.weights);
  if (result.kind === 'single-study') {
    // One study: metafor prints Q = 0, I² = 0, H² = 1 by convention; we report
    // no heterogeneity at all, so there is nothing to compare.
    return;
  }
  c.number('Q', result.heterogeneity.q, r.Q);
  c.number('Q p', result.heterogeneity.pValue, r.Qp);
  c.number('I2', result.heterogeneity.i2, r.I2);
  c.number('H2', result.heterogeneity.h2, r.H2);
  if (result.method !== 'FE') {
    // metafor's predict() gives no prediction interval for a fixed-effect model.
    const pi = predictionInterval(result);
    c.number('pi.lb', pi.lower, r.pi_lb);
    c.number('pi.ub', pi.upper, r.pi_ub);
    const riley = predictionInterval(result, 'riley');
    c.number('pi.lb (pi.type="riley")', riley.lower, r.pi_riley_lb);
    c.number('pi.ub (pi.type="riley")', riley.upper, r.pi_riley_ub);
    const ci = tau2ConfidenceInterval(effects, result);
    if (!ci || !r.confint) c.differences.push(`tau2 interval: ours ${ci ? 'present' : 'absent'}, metafor ${r.confint ? 'present' : 'absent'}`);
    else {
      c.numbers('confint tau2', [ci.tau2.estimate, ci.tau2.lower, ci.tau2.upper], r.confint.tau2);
      c.numbers('confint I2', [ci.i2.estimate, ci.i2.lower, ci.i2.upper], r.confint.I2);
      c.numbers('confint H2', [ci.h2.estimate, ci.h2.lower, ci.h2.upper], r.confint.H2);
    }
  }
  if (!r.leave1out) {
    c.differences.push('metafor gave no leave-one-out results');
    return;
  }
  const l1o = r.leave1out;
  leaveOneOut(effects, options).forEach(({ omitted, result: without }, i) => {
    const what = `leave1out without study ${omitted + 1}`;
    if (without.kind !== 'pooled' && without.kind !== 'single-study') {
      c.differences.push(`${what}: ours ${without.kind}`);
      return;
    }
    c.number(`${what} estimate`, without.estimate, l1o.estimate[i]);
    c.number(`${what} se`, without.se, l1o.se[i]);
    c.number(`${what} ci.lb`, without.lower, l1o.ci_lb[i]);
    c.number(`${what} ci.ub`, without.upper, l1o.ci_ub[i]);
    if (without.kind === 'pooled') {
      // metafor's leave1out() reports no τ² for a fixed-effect model.
      if (without.method !== 'FE') c.number(`${what} tau2`, without.tau2, l1o.tau2[i]);
      c.number(`${what} I2`, without.heterogeneity.i2, l1o.I2[i]);
      c.number(`${what} Q`, without.heterogeneity.q, l1o.Q[i]);
    }
  });
}

describe('agreement with R metafor 3.8', () => {
  // R's start-up and metafor's loading take a few seconds, more on a busy machine; this test pays for it once.
  it('finds Rscript with metafor and jsonlite (or fails with the command that installs them)', () => {
    expect(metafor().size).toBe(sets.length);
  }, 60_000);

  describe.each(sets.map((set) => [set.id, set] as const))('%s', (_id, set) => {
    it(`computes escalc()'s yi and vi for every study (${set.about})`, () => {
      const r = metafor().get(set.id)!;
      const c = new Comparison();
      const effects = effectsOf(set);
      c.numbers(
        'yi',
        effects.map((e) => e.yi),
        r.yi,
      );
      c.numbers(
        'vi',
        effects.map((e) => e.vi),
        r.vi,
      );
      expect(c.differences).toEqual([]);
    });

    it.each(Object.keys(MODELS) as ModelName[])('matches rma() as %s, with its confint(), predict() (both pi.type) and leave1out()', (name) => {
      const r = metafor().get(set.id)!.models[name];
      expect(r, `metafor could not fit ${name}`).not.toBeNull();
      const effects = effectsOf(set);
      const options = MODELS[name];
      const c = new Comparison();
      compareModel(c, pool(effects, options), r!, effects, options);
      expect(c.differences).toEqual([]);
    });
  });

  it('falls back to the z interval for one study under Hartung–Knapp, as metafor does (it warns and sets test="z")', () => {
    const single = sets.find((set) => set.studies.length === 1)!;
    const r = metafor().get(single.id)!.models.KNHA!;
    const result = pool(effectsOf(single), MODELS.KNHA);
    expect(result.kind).toBe('single-study');
    expect(result.test).toBe('z');
    expect(r.ci_lb).not.toBeNull();
  });

  it('covers the cases the brief names: a zero cell, a double zero, k = 1, k = 2, τ² > 0 and τ² = 0', () => {
    const effects = sets.filter((set) => !('reported' in set.studies[0]!)).flatMap(effectsOf);
    expect(effects.some((e) => e.continuityCorrected && !e.doubleZero)).toBe(true);
    expect(effects.some((e) => e.doubleZero)).toBe(true);
    expect(sets.map((s) => s.studies.length)).toEqual(expect.arrayContaining([1, 2]));
    const tau2 = sets.map((set) => metafor().get(set.id)!.models.REML!.tau2!);
    expect(tau2.some((t) => t > 0.1)).toBe(true);
    expect(tau2.some((t) => t === 0)).toBe(true);
    expect(sets.map((s) => s.measure)).toEqual(expect.arrayContaining(['RR', 'OR', 'RD', 'MD', 'SMD']));
  });
});
