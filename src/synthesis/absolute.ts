/**
 * Absolute effects for a summary-of-findings table, as Cochrane and GRADEpro
 * present them: what a relative effect means for 1,000 people like those in
 * the trials, and the number needed to treat.
 *
 * The assumed control risk is, by default, the median control-group risk of
 * the pooled studies (the GRADEpro default for "study population"); a
 * caller with a better baseline, such as a cohort of the target population,
 * can give it instead. Either way the rule travels with the numbers.
 */
import type { BinaryArm, BinaryMeasure, ContinuousMeasure, EstimateWithInterval } from './effects';
import { formatNumber } from './format';

export type AssumedRiskRule = 'median-control-risk' | 'given';

export interface AssumedControlRisk {
  /** A proportion from 0 to 1. */
  readonly risk: number;
  readonly rule: AssumedRiskRule;
  /** The rule in words, for the table's footnote. */
  readonly description: string;
}

/** The median of the control-group risks (events / n) of the studies with counts. */
export function medianControlRisk(controls: readonly BinaryArm[]): AssumedControlRisk | undefined {
  const risks = controls
    .filter((arm) => arm.n > 0)
    .map((arm) => arm.events / arm.n)
    .sort((a, b) => a - b);
  if (risks.length === 0) return undefined;
  const middle = Math.floor(risks.length / 2);
  const risk = risks.length % 2 === 1 ? risks[middle]! : (risks[middle - 1]! + risks[middle]!) / 2;
  return {
    risk,
    rule: 'median-control-risk',
    description: `the median control-group risk of the ${risks.length} ${risks.length === 1 ? 'study' : 'studies'} with event counts`,
  };
}

export function givenControlRisk(risk: number, source: string): AssumedControlRisk {
  return { risk, rule: 'given', description: source };
}

export type NntSide = 'benefit' | 'harm';

/**
 * The number needed to treat for one more person to benefit (NNTB) or be
 * harmed (NNTH), with its interval written as Altman (BMJ 1998;317:1309)
 * proposes: when the interval of the risk difference includes no effect,
 * the NNT interval runs from NNTB x through infinity to NNTH y.
 */
export interface NumberNeededToTreat {
  /** `none` when the risk difference is exactly zero (an infinite NNT). */
  readonly point: { readonly side: NntSide; readonly value: number } | { readonly side: 'none' };
  readonly interval:
    | { readonly kind: 'one-side'; readonly side: NntSide; readonly from: number; readonly to: number }
    | { readonly kind: 'crosses-no-effect'; readonly benefitFrom: number; readonly harmFrom: number };
  /** e.g. "NNTB 8 (95% CI NNTB 5 to ∞ to NNTH 40)"; whole numbers rounded up, as Cochrane advises. */
  readonly text: string;
}

/** NNTs are rounded up (Cochrane Handbook 15.4.4); the tolerance keeps 1/0.2 at 5, not 6. */
const nntText = (value: number) => (value === Infinity ? '∞' : String(Math.ceil(value - 1e-9)));

/** "NNTB x to ∞ to NNTH y", shortened when a limit of the risk difference is exactly 0. */
function crossingText(benefitFrom: number, harmFrom: number): string {
  if (benefitFrom === Infinity && harmFrom === Infinity) return '∞';
  if (harmFrom === Infinity) return `NNTB ${nntText(benefitFrom)} to ∞`;
  if (benefitFrom === Infinity) return `∞ to NNTH ${nntText(harmFrom)}`;
  return `NNTB ${nntText(benefitFrom)} to ∞ to NNTH ${nntText(harmFrom)}`;
}

/**
 * NNT from a risk difference (intervention minus control, as a proportion)
 * and its interval. `good` says whether more events are good for patients
 * (a response) or bad (an adverse event), which decides benefit from harm.
 */
export function numberNeededToTreat(difference: EstimateWithInterval, good: 'higher' | 'lower', level = 0.95): NumberNeededToTreat {
  // Turn the risk difference into "benefit per person": positive is benefit.
  const sign = good === 'higher' ? 1 : -1;
  const benefit = sign * difference.estimate;
  const [low, high] = [sign * difference.lower, sign * difference.upper].sort((a, b) => a - b) as [number, number];
  const point: NumberNeededToTreat['point'] = benefit === 0 ? { side: 'none' } : { side: benefit > 0 ? 'benefit' : 'harm', value: 1 / Math.abs(benefit) };
  let interval: NumberNeededToTreat['interval'];
  if (low > 0) interval = { kind: 'one-side', side: 'benefit', from: 1 / high, to: 1 / low };
  else if (high < 0) interval = { kind: 'one-side', side: 'harm', from: 1 / Math.abs(low), to: 1 / Math.abs(high) };
  else interval = { kind: 'crosses-no-effect', benefitFrom: 1 / high, harmFrom: 1 / Math.abs(low) };

  const label = (side: NntSide) => (side === 'benefit' ? 'NNTB' : 'NNTH');
  const pointText = point.side === 'none' ? 'NNT ∞' : `${label(point.side)} ${nntText(point.value)}`;
  const intervalText =
    interval.kind === 'one-side'
      ? `${label(interval.side)} ${nntText(interval.from)} to ${nntText(interval.to)}`
      : crossingText(interval.benefitFrom, interval.harmFrom);
  return { point, interval, text: `${pointText} (${Math.round(level * 100)}% CI ${intervalText})` };
}

export interface BinaryAbsoluteEffect {
  readonly kind: 'binary';
  readonly measure: BinaryMeasure;
  readonly assumed: AssumedControlRisk;
  /** Risk with the intervention, as proportions. */
  readonly corresponding: EstimateWithInterval;
  /** Corresponding minus assumed risk, as proportions. */
  readonly difference: EstimateWithInterval;
  /** The same, per 1,000 people, rounded to whole people as a table shows them. */
  readonly perThousand: {
    readonly assumed: number;
    readonly corresponding: EstimateWithInterval;
    readonly difference: EstimateWithInterval;
  };
  readonly nnt: NumberNeededToTreat;
  /** e.g. "120 more per 1,000 (from 40 more to 230 more)". */
  readonly text: string;
}

const clampRisk = (risk: number) => Math.min(1, Math.max(0, risk));

/** The risk with the intervention implied by a relative effect at an assumed control risk. */
export function correspondingRisk(measure: BinaryMeasure, effect: number, assumedRisk: number): number {
  if (measure === 'RR') return clampRisk(assumedRisk * effect);
  if (measure === 'OR') return (effect * assumedRisk) / (1 - assumedRisk + effect * assumedRisk);
  return clampRisk(assumedRisk + effect);
}

function perThousandText(difference: EstimateWithInterval): string {
  const words = (n: number) => (n === 0 ? '0 fewer' : n > 0 ? `${n} more` : `${Math.abs(n)} fewer`);
  return `${words(difference.estimate)} per 1,000 (from ${words(difference.lower)} to ${words(difference.upper)})`;
}

/**
 * Absolute effects from a pooled RR, OR or RD on the reader's scale (the
 * ratio itself, or the difference as a proportion) and its interval. The
 * corresponding risk's interval comes from the ratio's interval applied to
 * the assumed risk, as GRADEpro does; the assumed risk is taken as known.
 */
export function binaryAbsoluteEffect(
  measure: BinaryMeasure,
  pooled: EstimateWithInterval,
  assumed: AssumedControlRisk,
  good: 'higher' | 'lower',
  level = 0.95,
): BinaryAbsoluteEffect {
  const at = (effect: number) => correspondingRisk(measure, effect, assumed.risk);
  const corresponding = { estimate: at(pooled.estimate), lower: at(pooled.lower), upper: at(pooled.upper) };
  const difference = {
    estimate: corresponding.estimate - assumed.risk,
    lower: corresponding.lower - assumed.risk,
    upper: corresponding.upper - assumed.risk,
  };
  // Whole people per 1,000; `|| 0` turns Math.round's -0 into 0 so no "-0 fewer" appears.
  const thousand = (value: number) => Math.round(value * 1000) || 0;
  // The difference is taken between the rounded risks so that the table's
  // columns add up (assumed + difference = corresponding) as a reader checks them.
  const perThousand = {
    assumed: thousand(assumed.risk),
    corresponding: { estimate: thousand(corresponding.estimate), lower: thousand(corresponding.lower), upper: thousand(corresponding.upper) },
    difference: {
      estimate: thousand(corresponding.estimate) - thousand(assumed.risk),
      lower: thousand(corresponding.lower) - thousand(assumed.risk),
      upper: thousand(corresponding.upper) - thousand(assumed.risk),
    },
  };
  return {
    kind: 'binary',
    measure,
    assumed,
    corresponding,
    difference,
    perThousand,
    nnt: numberNeededToTreat(difference, good, level),
    text: perThousandText(perThousand.difference),
  };
}

export interface ContinuousAbsoluteEffect {
  readonly kind: 'continuous';
  readonly measure: ContinuousMeasure;
  /** The mean difference in the scale's points, or the SMD in standard deviations. */
  readonly difference: EstimateWithInterval;
  readonly unit: 'points' | 'standard deviations';
  /** e.g. "4.20 points lower (7.31 lower to 0.64 lower)". */
  readonly text: string;
}

/** A continuous result stays a difference: scale points for MD, standard deviations for SMD. */
export function continuousAbsoluteEffect(measure: ContinuousMeasure, pooled: EstimateWithInterval): ContinuousAbsoluteEffect {
  const unit = measure === 'MD' ? 'points' : 'standard deviations';
  const direction = (value: number) => (value > 0 ? ' higher' : value < 0 ? ' lower' : '');
  const words = (value: number) => `${formatNumber(Math.abs(value), 2)}${direction(value)}`;
  const estimate = pooled.estimate;
  const lead = measure === 'MD' ? `${formatNumber(Math.abs(estimate), 2)} points${direction(estimate)}` : `SMD ${words(estimate)}`;
  return {
    kind: 'continuous',
    measure,
    difference: pooled,
    unit,
    text: `${lead} (${words(pooled.lower)} to ${words(pooled.upper)})`,
  };
}

export type AbsoluteEffect = BinaryAbsoluteEffect | ContinuousAbsoluteEffect;
