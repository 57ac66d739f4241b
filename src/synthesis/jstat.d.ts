/**
 * The few jStat functions the synthesis code calls. jStat ships no types,
 * and a declaration of only what we use keeps every call checked without
 * claiming more of the library than we rely on.
 */
// cspell:words jstat chisquare studentt ibeta erfc gammaln
declare module 'jstat' {
  interface Distribution {
    /** Lower-tail probability P(X ≤ x). */
    cdf(x: number, ...parameters: number[]): number;
    /** The quantile: the x with P(X ≤ x) = p. */
    inv(p: number, ...parameters: number[]): number;
  }

  interface JStat {
    /** Normal with `mean` and `sd`: cdf(x, mean, sd), inv(p, mean, sd). */
    readonly normal: Distribution;
    /** Student t with `dof` degrees of freedom: cdf(x, dof), inv(p, dof). */
    readonly studentt: Distribution;
    /** Chi-square with `dof` degrees of freedom: cdf(x, dof), inv(p, dof). */
    readonly chisquare: Distribution;
    /** The regularized incomplete beta function I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
    /** The complementary error function. */
    erfc(x: number): number;
    /** The natural logarithm of the gamma function. */
    gammaln(x: number): number;
  }

  const jStat: JStat;
  export default jStat;
}
