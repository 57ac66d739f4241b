/**
 * The normal, t and chi-square functions the pooling code needs, in one
 * place, computed with jStat.
 *
 * The normal and t tail probabilities are computed from the tail itself
 * rather than as `1 - cdf`, so a p value of 1e-9 keeps its digits. jStat
 * has no upper-tail chi-square function; `1 - cdf` there is exact to about
 * 1e-16 absolute, which only matters for heterogeneity p values far below
 * anything a reader acts on.
 */
// cspell:words jstat chisquare studentt ibeta erfc gammaln
import jStat from 'jstat';

/** The z with P(Z ≤ z) = p for the standard normal. */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** The t with P(T ≤ t) = p for Student's t with `df` degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** The x with P(X ≤ x) = p for chi-square with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  return jStat.chisquare.inv(p, df);
}

/** Two-sided p value of a z statistic: P(|Z| ≥ |z|). */
export function twoSidedNormalP(z: number): number {
  return jStat.erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Two-sided p value of a t statistic, from the identity
 * P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).
 */
export function twoSidedTP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return jStat.ibeta(df / (df + t * t), df / 2, 0.5);
}

/** Upper-tail probability P(X ≥ x) for chi-square with `df` degrees of freedom. */
export function chiSquareUpperP(x: number, df: number): number {
  if (x <= 0) return 1;
  return Math.max(0, 1 - jStat.chisquare.cdf(x, df));
}

export function logGamma(x: number): number {
  return jStat.gammaln(x);
}
