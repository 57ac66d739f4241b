/**
 * Inverse-variance pooling of study effects: fixed effect, and random
 * effects with the DerSimonian–Laird or REML estimate of τ², optionally
 * with the Hartung–Knapp–Sidik–Jonkman adjustment.
 *
 * Every formula follows metafor's `rma.uni()` (version 3.8) for a model
 * without moderators, including its starting value, step rule and
 * convergence threshold for REML, so that R reproduces our numbers; the
 * comparison lives in `__tests__/metafor.test.ts`. We write this small
 * piece ourselves because no maintained JavaScript library does it and the
 * site must compute at build time without R.
 *
 * Nothing here throws on data: no studies, one study and a REML fit that
 * does not converge are typed results a page can explain.
 */
// cspell:words confint uniroot (R functions named in comments)
import { chiSquareQuantile, chiSquareUpperP, normalQuantile, tQuantile, twoSidedNormalP, twoSidedTP } from './distributions';
import { backTransform, type EffectSize, type EstimateWithInterval, type Measure } from './effects';

export type PoolMethod = 'FE' | 'DL' | 'REML';
/** `z`: normal-theory tests and intervals; `knha`: Hartung–Knapp–Sidik–Jonkman, t with k − 1 df. */
export type PoolTest = 'z' | 'knha';

export interface PoolOptions {
  readonly method: PoolMethod;
  readonly test?: PoolTest;
  /** Confidence level as a proportion; 0.95 unless given. */
  readonly level?: number;
}

/** metafor's defaults for the REML Fisher scoring (`rma.uni` control list). */
export const REML_CONTROL = {
  /** Stop when τ² changes by less than this between iterations. */
  threshold: 1e-5,
  maxIterations: 100,
  /** metafor's `tol`: how much better the likelihood at τ² = 0 must be to replace the estimate. */
  logLikelihoodTolerance: Number.EPSILON ** 0.25,
} as const;

export interface Heterogeneity {
  /** Cochran's Q, from the fixed-effect weights. */
  readonly q: number;
  readonly df: number;
  readonly pValue: number;
  /** I² in percent. */
  readonly i2: number;
  readonly h2: number;
  /**
   * metafor's "typical" within-study variance (k − 1) / tr(P), with P the
   * fixed-effect residual matrix. I² = τ² / (τ² + this) for random effects,
   * and the same value turns the bounds of τ² into bounds of I².
   */
  readonly typicalVariance: number;
}

interface ResultBase {
  readonly method: PoolMethod;
  readonly test: PoolTest;
  readonly level: number;
}

export interface PooledResult extends ResultBase {
  readonly kind: 'pooled';
  readonly k: number;
  /** Pooled estimate on the analysis scale (log for RR and OR). */
  readonly estimate: number;
  readonly se: number;
  /** z, or t under `knha`. */
  readonly statistic: number;
  /** Degrees of freedom of the t distribution under `knha`; absent for z. */
  readonly df?: number;
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
  /** 0 for the fixed-effect model. */
  readonly tau2: number;
  /** Percent weight of each study, in input order (metafor `weights()`). */
  readonly weights: readonly number[];
  readonly heterogeneity: Heterogeneity;
  /** REML only: Fisher scoring iterations used. */
  readonly iterations?: number;
}

/**
 * One study: its own estimate and z interval. Every method gives the same
 * answer; the Hartung–Knapp adjustment needs at least two studies (metafor
 * returns no interval), so one study is always reported with `test: 'z'`.
 */
export interface SingleStudyResult extends ResultBase {
  readonly kind: 'single-study';
  readonly k: 1;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
  readonly tau2: 0;
  readonly weights: readonly [100];
  readonly note: string;
}

export interface NoDataResult extends ResultBase {
  readonly kind: 'no-data';
  readonly k: 0;
  readonly note: string;
}

/** REML did not converge, or a variance was not positive. */
export interface FailedResult extends ResultBase {
  readonly kind: 'failed';
  readonly k: number;
  readonly note: string;
}

export type PoolResult = PooledResult | SingleStudyResult | NoDataResult | FailedResult;
/** A result that has an estimate. */
export type EstimatedResult = PooledResult | SingleStudyResult;

export function hasEstimate(result: PoolResult): result is EstimatedResult {
  return result.kind === 'pooled' || result.kind === 'single-study';
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** The inverse-variance weighted mean and the sum of weights for variances vi + τ². */
function weightedMean(effects: readonly EffectSize[], tau2: number): { mean: number; weights: number[]; total: number } {
  const weights = effects.map((e) => 1 / (e.vi + tau2));
  const total = sum(weights);
  return { mean: sum(effects.map((e, i) => weights[i]! * e.yi)) / total, weights, total };
}

/** Σ wᵢ (yᵢ − μ̂)² with wᵢ = 1/(vᵢ + τ²): Cochran's Q at τ² = 0, the generalized Q otherwise. */
export function generalizedQ(effects: readonly EffectSize[], tau2: number): number {
  const { mean, weights } = weightedMean(effects, tau2);
  return sum(effects.map((e, i) => weights[i]! * (e.yi - mean) ** 2));
}

/** tr(P) for P = W − W11ᵀW / ΣW, the residual-maker of an intercept-only weighted model. */
function traceP(weights: readonly number[]): number {
  const total = sum(weights);
  return total - sum(weights.map((w) => w * w)) / total;
}

/** DerSimonian–Laird: τ² = max(0, (Q − (k − 1)) / tr(P)). */
export function dersimonianLairdTau2(effects: readonly EffectSize[]): number {
  const q = generalizedQ(effects, 0);
  const trace = traceP(effects.map((e) => 1 / e.vi));
  return Math.max(0, (q - (effects.length - 1)) / trace);
}

function remlLogLikelihood(effects: readonly EffectSize[], tau2: number): number {
  const k = effects.length;
  const { total } = weightedMean(effects, tau2);
  return (
    -0.5 * (k - 1) * Math.log(2 * Math.PI) - 0.5 * sum(effects.map((e) => Math.log(e.vi + tau2))) - 0.5 * Math.log(total) - 0.5 * generalizedQ(effects, tau2)
  );
}

/**
 * REML by Fisher scoring, step for step as metafor: start from the Hedges
 * (HE) estimate truncated at 0, step by (yᵀPPy − tr P) / tr(PP), halve a
 * step that would make τ² negative, stop when τ² moves less than 1e-5, give
 * up after 100 iterations. Like metafor, if the likelihood at τ² = 0 is
 * clearly higher than at the estimate (a local maximum), τ² is set to 0.
 */
export function remlTau2(effects: readonly EffectSize[]): { tau2: number; iterations: number } | undefined {
  const k = effects.length;
  const mean = sum(effects.map((e) => e.yi)) / k;
  const spread = sum(effects.map((e) => (e.yi - mean) ** 2));
  let tau2 = Math.max(0, (spread - ((k - 1) / k) * sum(effects.map((e) => e.vi))) / (k - 1));
  let change = REML_CONTROL.threshold + 1;
  let iterations = 0;
  while (change > REML_CONTROL.threshold) {
    iterations += 1;
    const { mean: mu, weights, total } = weightedMean(effects, tau2);
    const py = effects.map((e, i) => weights[i]! * (e.yi - mu));
    const w2 = sum(weights.map((w) => w * w));
    const w3 = sum(weights.map((w) => w * w * w));
    const trP = total - w2 / total;
    const trPP = w2 - (2 * w3) / total + (w2 * w2) / (total * total);
    let step = (sum(py.map((r) => r * r)) - trP) / trPP;
    if (!Number.isFinite(step)) step = 0;
    while (tau2 + step < 0) step /= 2;
    const previous = tau2;
    tau2 += step;
    change = Math.abs(previous - tau2);
    if (iterations > REML_CONTROL.maxIterations) return undefined;
  }
  if (tau2 > REML_CONTROL.threshold && remlLogLikelihood(effects, 0) - remlLogLikelihood(effects, tau2) > REML_CONTROL.logLikelihoodTolerance) {
    tau2 = 0;
  }
  return { tau2: Math.max(0, tau2), iterations };
}

/** Q, its p value, I² and H² as metafor reports them for the given model. */
export function heterogeneity(effects: readonly EffectSize[], method: PoolMethod, tau2: number): Heterogeneity {
  const k = effects.length;
  const df = k - 1;
  const q = Math.max(0, generalizedQ(effects, 0));
  const typicalVariance = df / traceP(effects.map((e) => 1 / e.vi));
  // For the fixed-effect model metafor uses Higgins and Thompson's (Q − df)/Q;
  // for random effects it uses τ² against the typical within-study variance.
  const i2 = method === 'FE' ? Math.max(0, (100 * (q - df)) / q) : (100 * tau2) / (typicalVariance + tau2);
  const h2 = method === 'FE' ? q / df : tau2 / typicalVariance + 1;
  return { q, df, pValue: chiSquareUpperP(q, df), i2, h2, typicalVariance };
}

/** Pools the effects with one method and test. Never throws: see the result's `kind`. */
export function pool(effects: readonly EffectSize[], options: PoolOptions): PoolResult {
  const { method } = options;
  const test = options.test ?? 'z';
  const level = options.level ?? 0.95;
  const k = effects.length;
  if (k === 0) return { kind: 'no-data', k: 0, method, test, level, note: 'no study reports this outcome' };
  if (effects.some((e) => !(e.vi > 0) || !Number.isFinite(e.yi))) {
    return { kind: 'failed', k, method, test, level, note: 'a study has no positive variance, so it cannot be weighted' };
  }
  const z = normalQuantile(1 - (1 - level) / 2);
  if (k === 1) {
    const [only] = effects as [EffectSize];
    const se = Math.sqrt(only.vi);
    return {
      kind: 'single-study',
      k: 1,
      method,
      test: 'z',
      level,
      estimate: only.yi,
      se,
      statistic: only.yi / se,
      pValue: twoSidedNormalP(only.yi / se),
      lower: only.yi - z * se,
      upper: only.yi + z * se,
      tau2: 0,
      weights: [100],
      note: 'one study: its own estimate and interval; heterogeneity cannot be assessed',
    };
  }

  let tau2 = 0;
  let iterations: number | undefined;
  if (method === 'DL') tau2 = dersimonianLairdTau2(effects);
  if (method === 'REML') {
    const fit = remlTau2(effects);
    if (!fit) {
      return { kind: 'failed', k, method, test, level, note: `REML did not converge in ${REML_CONTROL.maxIterations} iterations` };
    }
    tau2 = fit.tau2;
    iterations = fit.iterations;
  }

  const { mean, weights, total } = weightedMean(effects, tau2);
  let variance = 1 / total;
  let df: number | undefined;
  let crit = z;
  if (test === 'knha') {
    // Hartung–Knapp: scale the variance by the weighted residual mean square,
    // without truncating it at 1 (metafor's `knha`, not `adhoc`). metafor
    // sets the factor to 0 when the residuals vanish; so do we.
    const residual = sum(effects.map((e, i) => weights[i]! * (e.yi - mean) ** 2));
    variance *= residual <= Number.EPSILON ? 0 : residual / (k - 1);
    df = k - 1;
    crit = tQuantile(1 - (1 - level) / 2, df);
  }
  const se = Math.sqrt(variance);
  const statistic = se > 0 ? mean / se : mean === 0 ? 0 : Math.sign(mean) * Infinity;
  const pValue = df === undefined ? twoSidedNormalP(statistic) : twoSidedTP(statistic, df);
  return {
    kind: 'pooled',
    method,
    test,
    level,
    k,
    estimate: mean,
    se,
    statistic,
    ...(df === undefined ? {} : { df }),
    pValue,
    lower: mean - crit * se,
    upper: mean + crit * se,
    tau2,
    weights: weights.map((w) => (100 * w) / total),
    heterogeneity: heterogeneity(effects, method, tau2),
    ...(iterations === undefined ? {} : { iterations }),
  };
}

export interface Tau2Interval {
  readonly level: number;
  readonly tau2: EstimateWithInterval;
  readonly tau: EstimateWithInterval;
  /** I² in percent. */
  readonly i2: EstimateWithInterval;
  readonly h2: EstimateWithInterval;
  /** Both bounds are 0: the data are more homogeneous than chance predicts (metafor `ci.null`). */
  readonly nullInterval: boolean;
  /** The upper bound reached the end of the searched range; the true bound is larger. */
  readonly upperCensored: boolean;
}

/** Bisection for the root of a decreasing function; 200 bisection steps reach the limit of double precision. */
function decreasingRoot(f: (x: number) => number, low: number, high: number): number {
  let lo = low;
  let hi = high;
  for (let i = 0; i < 200 && hi - lo > 0; i += 1) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The Q-profile confidence interval for τ² (Viechtbauer 2007), and from it
 * for τ, I² and H², as metafor's `confint(rma(...))`: the bounds are where
 * the generalized Q equals the chi-square quantiles with k − 1 df, searched
 * from 0 to max(100, 10 τ̂²), with metafor's rules at the ends of the range.
 * metafor finds the roots with `uniroot` to about 1e-4 absolute; we bisect
 * to full precision, so our bounds are the exact ones.
 */
export function tau2ConfidenceInterval(effects: readonly EffectSize[], result: PooledResult): Tau2Interval | undefined {
  const k = effects.length;
  if (k < 2 || result.method === 'FE') return undefined;
  const alpha = 1 - result.level;
  const critUpper = chiSquareQuantile(1 - alpha / 2, k - 1);
  const critLower = chiSquareQuantile(alpha / 2, k - 1);
  const min = Math.min(0, result.tau2);
  const max = Math.max(100, 10 * result.tau2);
  const qAt = (tau2: number) => generalizedQ(effects, tau2);
  const qMin = qAt(min);
  const qMax = qAt(max);
  let lower: number;
  let upper: number;
  let nullInterval = false;
  let upperCensored = false;
  if (qMin < critLower) {
    lower = min;
    upper = min;
    nullInterval = min <= 0;
  } else if (qMax > critLower) {
    upper = max;
    upperCensored = true;
  } else {
    upper = decreasingRoot((t) => qAt(t) - critLower, min, max);
  }
  if (qMax > critUpper) {
    lower = max;
    upper = max;
    upperCensored = true;
  } else if (qMin < critUpper) {
    lower = min;
  } else {
    lower = decreasingRoot((t) => qAt(t) - critUpper, min, max);
  }
  const vt = result.heterogeneity.typicalVariance;
  const i2 = (t: number) => (100 * t) / (vt + t);
  const h2 = (t: number) => t / vt + 1;
  return {
    level: result.level,
    tau2: { estimate: result.tau2, lower, upper },
    tau: { estimate: Math.sqrt(result.tau2), lower: Math.sqrt(lower), upper: Math.sqrt(upper) },
    i2: { estimate: result.heterogeneity.i2, lower: i2(lower), upper: i2(upper) },
    h2: { estimate: result.heterogeneity.h2, lower: h2(lower), upper: h2(upper) },
    nullInterval,
    upperCensored,
  };
}

export interface PredictionInterval {
  readonly lower: number;
  readonly upper: number;
  /** Degrees of freedom of the t quantile; absent when z was used. */
  readonly df?: number;
}

/**
 * How the prediction interval's critical value is chosen, as metafor's
 * `predict(..., pi.type=)`: `default` uses the confidence interval's own
 * (t with k − 1 df under `knha`, z otherwise); `riley` uses t with k − 2 df
 * whatever the test, as Higgins, Thompson and Spiegelhalter (2009) and the
 * Cochrane Handbook (10.10.4.3) describe.
 */
export type PredictionType = 'default' | 'riley';

/**
 * The interval in which the effect of a new study is expected to lie:
 * estimate ± crit × √(SE² + τ²), with the model's SE (the Hartung–Knapp SE
 * under `knha`), exactly as metafor's `predict(rma(...))`. metafor's default
 * is `default`, which is also ours.
 */
export function predictionInterval(result: PooledResult, type: PredictionType = 'default'): PredictionInterval {
  const alpha = 1 - result.level;
  // metafor raises k − 2 below 1 to 1, so two studies give t with 1 df.
  const df = type === 'riley' ? Math.max(1, result.k - 2) : result.df;
  const crit = df === undefined ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, df);
  const half = crit * Math.sqrt(result.se ** 2 + result.tau2);
  return {
    lower: result.estimate - half,
    upper: result.estimate + half,
    ...(df === undefined ? {} : { df }),
  };
}

export interface LeaveOneOutResult {
  /** Index of the left-out study in the input. */
  readonly omitted: number;
  readonly result: PoolResult;
}

/** Pools again without each study in turn, with the same options (metafor `leave1out()`). */
export function leaveOneOut(effects: readonly EffectSize[], options: PoolOptions): LeaveOneOutResult[] {
  return effects.map((_, omitted) => ({
    omitted,
    result: pool(
      effects.filter((__, i) => i !== omitted),
      options,
    ),
  }));
}

/** A pooled estimate and its confidence interval on the scale a reader sees (exp() for RR and OR). */
export function onReaderScale(measure: Measure, interval: { estimate: number; lower: number; upper: number }): EstimateWithInterval {
  return {
    estimate: backTransform(measure, interval.estimate),
    lower: backTransform(measure, interval.lower),
    upper: backTransform(measure, interval.upper),
  };
}
