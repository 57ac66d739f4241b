/**
 * How synthesis numbers are written for readers, in one place, so the
 * forest plot, its data table and the summary-of-findings text never show
 * the same number two ways. Exports keep full precision and do not use this.
 */
import { isRatioMeasure, type EstimateWithInterval, type Measure } from './effects';

/** The typographic minus sign; screen readers read it as "minus". */
const MINUS = '\u2212';

export function formatNumber(value: number, decimals: number): string {
  if (value === Infinity) return '∞';
  if (value === -Infinity) return `${MINUS}∞`;
  const text = value.toFixed(decimals);
  // Avoid "−0.00": a value that rounds to zero is shown without a sign.
  if (Number(text) === 0) return (0).toFixed(decimals);
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/**
 * Decimals for a value of the measure: ratios with two decimals below 10,
 * one below 100 and none above, so "0.52" and "412" both read naturally;
 * differences with two decimals, as RevMan shows them.
 */
export function decimalsFor(measure: Measure, value: number): number {
  if (!isRatioMeasure(measure)) return 2;
  const size = Math.abs(value);
  return size < 10 ? 2 : size < 100 ? 1 : 0;
}

export function formatEffect(measure: Measure, value: number): string {
  return formatNumber(value, decimalsFor(measure, value));
}

/** "0.52 [0.31, 0.87]": an estimate on the reader's scale with its interval. */
export function formatEstimate(measure: Measure, interval: EstimateWithInterval): string {
  return `${formatEffect(measure, interval.estimate)} [${formatEffect(measure, interval.lower)}, ${formatEffect(measure, interval.upper)}]`;
}

/** "0.31 to 0.87": an interval in words. */
export function formatInterval(measure: Measure, lower: number, upper: number): string {
  return `${formatEffect(measure, lower)} to ${formatEffect(measure, upper)}`;
}

export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** A p value as journals print it: two significant digits, "< 0.001" below that. */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
