import { describe, expect, it } from 'vitest';
import type { EffectSize } from '../effects';
import {
  dersimonianLairdTau2,
  generalizedQ,
  hasEstimate,
  leaveOneOut,
  onReaderScale,
  pool,
  predictionInterval,
  remlTau2,
  tau2ConfidenceInterval,
  type PooledResult,
  type PoolResult,
} from '../pool';

const spread: EffectSize[] = [
  { yi: -0.9, vi: 0.04 },
  { yi: -0.2, vi: 0.09 },
  { yi: -1.4, vi: 0.06 },
  { yi: 0.1, vi: 0.05 },
  { yi: -0.5, vi: 0.03 },
];

function pooled(result: PoolResult): PooledResult {
  if (result.kind !== 'pooled') throw new Error(`expected a pooled result, got ${result.kind}`);
  return result;
}

describe('pooling', () => {
  it('returns a typed "no data" result for no studies', () => {
    expect(pool([], { method: 'REML', test: 'knha' })).toEqual({
      kind: 'no-data',
      k: 0,
      method: 'REML',
      test: 'knha',
      level: 0.95,
      note: 'no study reports this outcome',
    });
  });

  it('returns the study’s own estimate and z interval for one study, without heterogeneity', () => {
    const result = pool([{ yi: 0.5, vi: 0.04 }], { method: 'REML', test: 'knha' });
    expect(result.kind).toBe('single-study');
    if (result.kind !== 'single-study') return;
    expect(result.test).toBe('z');
    expect(result.lower).toBeCloseTo(0.5 - 1.959963984540054 * 0.2, 10);
    expect('heterogeneity' in result).toBe(false);
  });

  it('weights by inverse variance in the fixed-effect model', () => {
    const result = pooled(pool(spread, { method: 'FE' }));
    const w = spread.map((e) => 1 / e.vi);
    const total = w.reduce((a, b) => a + b);
    expect(result.estimate).toBeCloseTo(spread.reduce((a, e, i) => a + w[i]! * e.yi, 0) / total, 12);
    expect(result.se).toBeCloseTo(Math.sqrt(1 / total), 12);
    expect(result.weights.reduce((a, b) => a + b)).toBeCloseTo(100, 10);
  });

  it('estimates τ² by DerSimonian–Laird from Q and the weights', () => {
    const w = spread.map((e) => 1 / e.vi);
    const total = w.reduce((a, b) => a + b);
    const expected = (generalizedQ(spread, 0) - 4) / (total - w.reduce((a, b) => a + b * b, 0) / total);
    expect(dersimonianLairdTau2(spread)).toBeCloseTo(expected, 12);
  });

  it('finds the REML τ² where the restricted likelihood’s score is zero', () => {
    const fit = remlTau2(spread)!;
    const w = spread.map((e) => 1 / (e.vi + fit.tau2));
    const total = w.reduce((a, b) => a + b);
    const mu = spread.reduce((a, e, i) => a + w[i]! * e.yi, 0) / total;
    const score = spread.reduce((a, e, i) => a + w[i]! ** 2 * (e.yi - mu) ** 2, 0) - (total - w.reduce((a, b) => a + b * b, 0) / total);
    expect(Math.abs(score)).toBeLessThan(1e-3);
    expect(fit.iterations).toBeGreaterThan(1);
  });

  it('truncates τ² at zero for homogeneous studies, so random effects equal the fixed effect', () => {
    const same = [
      { yi: 0.2, vi: 0.1 },
      { yi: 0.21, vi: 0.2 },
      { yi: 0.19, vi: 0.15 },
    ];
    const re = pooled(pool(same, { method: 'REML' }));
    const fe = pooled(pool(same, { method: 'FE' }));
    expect(re.tau2).toBe(0);
    expect(re.estimate).toBeCloseTo(fe.estimate, 12);
    expect(re.heterogeneity.i2).toBe(0);
  });

  it('widens the interval with Hartung–Knapp when the studies disagree, using t with k − 1 df', () => {
    const z = pooled(pool(spread, { method: 'REML' }));
    const knha = pooled(pool(spread, { method: 'REML', test: 'knha' }));
    expect(knha.df).toBe(4);
    expect(knha.estimate).toBe(z.estimate);
    expect(knha.upper - knha.lower).toBeGreaterThan(z.upper - z.lower);
  });

  it('reports a failed fit instead of throwing when a variance is not positive', () => {
    expect(
      pool(
        [
          { yi: 1, vi: 0 },
          { yi: 2, vi: 1 },
        ],
        { method: 'DL' },
      ).kind,
    ).toBe('failed');
  });
});

describe('heterogeneity and intervals', () => {
  it('brackets the estimated τ² with its Q-profile interval and converts the bounds to I²', () => {
    const result = pooled(pool(spread, { method: 'REML' }));
    const ci = tau2ConfidenceInterval(spread, result)!;
    expect(ci.tau2.lower).toBeLessThanOrEqual(result.tau2);
    expect(ci.tau2.upper).toBeGreaterThan(result.tau2);
    expect(generalizedQ(spread, ci.tau2.upper)).toBeCloseTo(0.4844185570879298, 6);
    expect(ci.i2.lower).toBeLessThanOrEqual(result.heterogeneity.i2);
    expect(ci.i2.upper).toBeLessThan(100);
  });

  it('gives no τ² interval for the fixed-effect model', () => {
    expect(tau2ConfidenceInterval(spread, pooled(pool(spread, { method: 'FE' })))).toBeUndefined();
  });

  it('makes the prediction interval wider than the confidence interval when τ² > 0', () => {
    const result = pooled(pool(spread, { method: 'REML', test: 'knha' }));
    const pi = predictionInterval(result);
    expect(pi.df).toBe(4);
    expect(pi.lower).toBeLessThan(result.lower);
    expect(pi.upper).toBeGreaterThan(result.upper);
  });

  it('leaves each study out in turn with the same method', () => {
    const rows = leaveOneOut(spread, { method: 'REML', test: 'knha' });
    expect(rows.map((r) => r.omitted)).toEqual([0, 1, 2, 3, 4]);
    expect(rows.every((r) => r.result.kind === 'pooled' && r.result.k === 4 && r.result.test === 'knha')).toBe(true);
  });

  it('shows ratio measures back on the ratio scale', () => {
    const result = pool(spread, { method: 'FE' });
    if (!hasEstimate(result)) throw new Error('no estimate');
    const reader = onReaderScale('OR', result);
    expect(reader.estimate).toBeCloseTo(Math.exp(result.estimate), 12);
    expect(onReaderScale('MD', result).lower).toBe(result.lower);
  });
});
