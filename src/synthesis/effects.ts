/**
 * Per-study effect sizes, computed exactly as metafor's `escalc()` does with
 * its defaults, so every number we publish can be reproduced in R.
 *
 * Every effect is on its analysis scale: ratio measures (RR, OR) as natural
 * logarithms, differences (RD, MD, SMD) as they are. `yi` is the estimate
 * and `vi` its sampling variance, metafor's names.
 */
// cspell:words cmicalc vtype (metafor internals named in comments)
import { logGamma, normalQuantile } from './distributions';

export const BINARY_MEASURES = ['RR', 'OR', 'RD'] as const;
export const CONTINUOUS_MEASURES = ['MD', 'SMD'] as const;
export type BinaryMeasure = (typeof BINARY_MEASURES)[number];
export type ContinuousMeasure = (typeof CONTINUOUS_MEASURES)[number];
export type Measure = BinaryMeasure | ContinuousMeasure;
export type OutcomeKind = 'binary' | 'continuous';
export type RatioMeasure = 'RR' | 'OR';

/** The measure's name in words, as a reader sees it. */
export const MEASURE_NAMES: Readonly<Record<Measure, string>> = {
  RR: 'risk ratio',
  OR: 'odds ratio',
  RD: 'risk difference',
  MD: 'mean difference',
  SMD: 'standardized mean difference',
};

export function isBinaryMeasure(value: unknown): value is BinaryMeasure {
  return typeof value === 'string' && (BINARY_MEASURES as readonly string[]).includes(value);
}

export function isContinuousMeasure(value: unknown): value is ContinuousMeasure {
  return typeof value === 'string' && (CONTINUOUS_MEASURES as readonly string[]).includes(value);
}

export function measureKind(measure: Measure): OutcomeKind {
  return isBinaryMeasure(measure) ? 'binary' : 'continuous';
}

/** Ratio measures are pooled on the log scale and shown back-transformed. */
export function isRatioMeasure(measure: Measure): measure is RatioMeasure {
  return measure === 'RR' || measure === 'OR';
}

/** The value of "no effect" on the scale a reader sees (1 for ratios, 0 for differences). */
export function nullValue(measure: Measure): number {
  return isRatioMeasure(measure) ? 1 : 0;
}

/** From the analysis scale to the scale a reader sees: exp() for ratio measures. */
export function backTransform(measure: Measure, value: number): number {
  return isRatioMeasure(measure) ? Math.exp(value) : value;
}

/** From the scale a reader sees to the analysis scale: log() for ratio measures. */
export function toAnalysisScale(measure: Measure, value: number): number {
  return isRatioMeasure(measure) ? Math.log(value) : value;
}

export interface BinaryArm {
  readonly events: number;
  readonly n: number;
}

export interface ContinuousArm {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** An estimate with its confidence (or prediction) interval, on one scale. */
export interface EstimateWithInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** What the pooling needs from a study: an estimate and its sampling variance. */
export interface EffectSize {
  readonly yi: number;
  readonly vi: number;
}

export interface StudyEffect extends EffectSize {
  readonly estimable: true;
  readonly measure: Measure;
  readonly from: 'counts' | 'means' | 'reported';
  /** 1/2 was added to every cell because one cell was zero (metafor `add=1/2, to="only0"`). */
  readonly continuityCorrected: boolean;
  /** No events in either arm, or events in everyone in both arms; metafor keeps such studies. */
  readonly doubleZero: boolean;
}

export interface NotEstimable {
  readonly estimable: false;
  /** Why, addressed to the contributor. */
  readonly reason: string;
}

export type EffectResult = StudyEffect | NotEstimable;

/** metafor's default continuity correction: add 1/2 to every cell of a study with a zero cell. */
export const CONTINUITY_CORRECTION = 0.5;

/**
 * Log RR, log OR or RD from a 2×2 table.
 *
 * metafor's defaults (`add=1/2, to="only0", drop00=FALSE`): a study with a
 * zero in any of its four cells gets 1/2 added to all four, for the
 * estimate and its variance, and this applies to RD as well as to the
 * ratios. Double-zero studies (no events in either arm, or events in
 * everyone) are kept for all three measures: `drop00` is FALSE by default
 * in both `escalc()` and `rma()`. With the correction their estimate is
 * near no effect (exactly, when the arms are the same size) with a large
 * variance for RR and OR, so they weigh little; for RD they are informative
 * (a difference of about 0 with a small variance). RevMan drops them for RR
 * and OR; we follow metafor so that R reproduces our numbers.
 */
export function binaryEffect(measure: BinaryMeasure, intervention: BinaryArm, control: BinaryArm): EffectResult {
  for (const arm of [intervention, control]) {
    if (!(arm.n > 0) || arm.events < 0 || arm.events > arm.n) {
      return { estimable: false, reason: `an arm has ${arm.events} events in ${arm.n} participants` };
    }
  }
  let a = intervention.events;
  let b = intervention.n - intervention.events;
  let c = control.events;
  let d = control.n - control.events;
  const doubleZero = (a === 0 && c === 0) || (b === 0 && d === 0);
  const continuityCorrected = a === 0 || b === 0 || c === 0 || d === 0;
  if (continuityCorrected) {
    a += CONTINUITY_CORRECTION;
    b += CONTINUITY_CORRECTION;
    c += CONTINUITY_CORRECTION;
    d += CONTINUITY_CORRECTION;
  }
  const n1 = a + b;
  const n2 = c + d;
  const p1 = a / n1;
  const p2 = c / n2;
  let yi: number;
  let vi: number;
  if (measure === 'RR') {
    yi = Math.log(p1) - Math.log(p2);
    vi = 1 / a - 1 / n1 + 1 / c - 1 / n2;
  } else if (measure === 'OR') {
    yi = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
    vi = 1 / a + 1 / b + 1 / c + 1 / d;
  } else {
    // metafor's default `vtype="LS"`: the large-sample variance p(1-p)/n per arm.
    yi = p1 - p2;
    vi = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
  }
  return { estimable: true, measure, from: 'counts', yi, vi, continuityCorrected, doubleZero };
}

/**
 * Hedges' exact small-sample correction factor c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)),
 * metafor's `.cmicalc()`, with m = n1 + n2 − 2.
 */
export function hedgesCorrection(m: number): number {
  return Math.exp(logGamma(m / 2) - Math.log(Math.sqrt(m / 2)) - logGamma((m - 1) / 2));
}

/**
 * MD or SMD from arm means, SDs and sizes. Final values and changes from
 * baseline use the same formulas; the dataset decides which may be mixed.
 *
 * MD: variance sd1²/n1 + sd2²/n2 (metafor `vtype="LS"`, unequal variances).
 * SMD: Hedges' g, the pooled-SD Cohen's d times the exact correction c(m);
 * variance 1/n1 + 1/n2 + g²/(2(n1 + n2)), metafor's default `vtype="LS"`.
 */
export function continuousEffect(measure: ContinuousMeasure, intervention: ContinuousArm, control: ContinuousArm): EffectResult {
  const { mean: m1, sd: sd1, n: n1 } = intervention;
  const { mean: m2, sd: sd2, n: n2 } = control;
  if (!(n1 > 0 && n2 > 0)) return { estimable: false, reason: 'an arm has no participants' };
  if (!(sd1 >= 0 && sd2 >= 0)) return { estimable: false, reason: 'a standard deviation is negative' };
  if (measure === 'MD') {
    return { estimable: true, measure, from: 'means', yi: m1 - m2, vi: sd1 ** 2 / n1 + sd2 ** 2 / n2, continuityCorrected: false, doubleZero: false };
  }
  const m = n1 + n2 - 2;
  // c(m) is undefined for m ≤ 1, as in metafor: two or three participants in all cannot give an SMD.
  if (m <= 1) return { estimable: false, reason: `an SMD needs at least four participants in all (found ${n1 + n2})` };
  const pooledSd = Math.sqrt(((n1 - 1) * sd1 ** 2 + (n2 - 1) * sd2 ** 2) / m);
  if (!(pooledSd > 0)) return { estimable: false, reason: 'the pooled standard deviation is zero' };
  const yi = hedgesCorrection(m) * ((m1 - m2) / pooledSd);
  const vi = 1 / n1 + 1 / n2 + yi ** 2 / (2 * (n1 + n2));
  return { estimable: true, measure, from: 'means', yi, vi, continuityCorrected: false, doubleZero: false };
}

/**
 * An effect as a paper reports it: the estimate and its confidence
 * interval on the scale a reader sees. The standard error is recovered
 * from the width of the interval on the analysis scale (log for RR and OR),
 * SE = (upper − lower) / (2 z), as the Cochrane Handbook (6.3.1) describes;
 * the estimate itself is taken as reported, not as the interval's midpoint.
 */
export function reportedEffect(measure: Measure, estimate: number, ci: readonly [number, number], level = 0.95): EffectResult {
  const [lower, upper] = ci;
  if (isRatioMeasure(measure) && !(estimate > 0 && lower > 0 && upper > 0)) {
    return { estimable: false, reason: 'a ratio and its confidence limits must be greater than 0' };
  }
  if (!(lower < upper)) return { estimable: false, reason: 'the lower confidence limit must be below the upper' };
  const z = normalQuantile(1 - (1 - level) / 2);
  const se = (toAnalysisScale(measure, upper) - toAnalysisScale(measure, lower)) / (2 * z);
  return {
    estimable: true,
    measure,
    from: 'reported',
    yi: toAnalysisScale(measure, estimate),
    vi: se ** 2,
    continuityCorrected: false,
    doubleZero: false,
  };
}

/** A study's estimate with its z-based confidence interval, on the scale a reader sees. */
export function studyInterval(measure: Measure, effect: EffectSize, level = 0.95): EstimateWithInterval {
  const z = normalQuantile(1 - (1 - level) / 2);
  const se = Math.sqrt(effect.vi);
  return {
    estimate: backTransform(measure, effect.yi),
    lower: backTransform(measure, effect.yi - z * se),
    upper: backTransform(measure, effect.yi + z * se),
  };
}
