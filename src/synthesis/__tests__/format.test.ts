import { describe, expect, it } from 'vitest';
import { formatEffect, formatEstimate, formatNumber, formatP, formatPercent } from '../format';

describe('writing synthesis numbers', () => {
  it('uses a true minus sign and never shows a negative zero', () => {
    expect(formatNumber(-4.2, 2)).toBe('\u22124.20');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(Infinity, 2)).toBe('∞');
  });

  it('gives ratios fewer decimals as they grow, and differences two', () => {
    expect([0.523, 12.34, 412.3].map((v) => formatEffect('RR', v))).toEqual(['0.52', '12.3', '412']);
    expect(formatEffect('MD', -11.3)).toBe('\u221211.30');
  });

  it('writes an estimate with its interval in brackets', () => {
    expect(formatEstimate('OR', { estimate: 2.1, lower: 1.2, upper: 3.7 })).toBe('2.10 [1.20, 3.70]');
  });

  it('writes p values and percentages as journals do', () => {
    expect([0.0004, 0.0043, 0.21].map(formatP)).toEqual(['p < 0.001', 'p = 0.004', 'p = 0.21']);
    expect(formatPercent(45.6)).toBe('46%');
  });
});
