import { describe, expect, it } from 'vitest';
import {
  backTransform,
  binaryEffect,
  continuousEffect,
  hedgesCorrection,
  isRatioMeasure,
  measureKind,
  reportedEffect,
  studyInterval,
  type EffectResult,
  type StudyEffect,
} from '../effects';

function estimable(result: EffectResult): StudyEffect {
  if (!result.estimable) throw new Error(result.reason);
  return result;
}

describe('binary effects', () => {
  it('computes the log risk ratio and its variance from a 2×2 table without zeros', () => {
    const e = estimable(binaryEffect('RR', { events: 8, n: 20 }, { events: 3, n: 20 }));
    expect(e.yi).toBeCloseTo(Math.log(8 / 20 / (3 / 20)), 12);
    expect(e.vi).toBeCloseTo(1 / 8 - 1 / 20 + 1 / 3 - 1 / 20, 12);
    expect(e.continuityCorrected).toBe(false);
  });

  it('adds 1/2 to all four cells when one cell is zero, for the estimate and the variance', () => {
    const e = estimable(binaryEffect('OR', { events: 12, n: 17 }, { events: 0, n: 14 }));
    expect(e.continuityCorrected).toBe(true);
    expect(e.yi).toBeCloseTo(Math.log(12.5 / 5.5 / (0.5 / 14.5)), 12);
    expect(e.vi).toBeCloseTo(1 / 12.5 + 1 / 5.5 + 1 / 0.5 + 1 / 14.5, 12);
  });

  it('corrects the risk difference too, as metafor does by default', () => {
    const e = estimable(binaryEffect('RD', { events: 3, n: 40 }, { events: 0, n: 40 }));
    expect(e.yi).toBeCloseTo(3.5 / 41 - 0.5 / 41, 12);
  });

  it('keeps a double-zero study for every binary measure, with no effect when the arms are the same size', () => {
    for (const measure of ['RR', 'OR', 'RD'] as const) {
      const e = estimable(binaryEffect(measure, { events: 0, n: 10 }, { events: 0, n: 10 }));
      expect(e.doubleZero).toBe(true);
      expect(e.yi).toBeCloseTo(0, 12);
      expect(e.vi).toBeGreaterThan(0);
    }
    const unequal = estimable(binaryEffect('RR', { events: 0, n: 10 }, { events: 0, n: 12 }));
    expect(unequal.yi).toBeCloseTo(Math.log(0.5 / 11) - Math.log(0.5 / 13), 12);
  });

  it('treats events in everyone in both arms as a double zero as well', () => {
    expect(estimable(binaryEffect('RR', { events: 10, n: 10 }, { events: 12, n: 12 })).doubleZero).toBe(true);
  });

  it('refuses impossible counts instead of returning a number', () => {
    expect(binaryEffect('RR', { events: 30, n: 25 }, { events: 1, n: 25 })).toEqual({
      estimable: false,
      reason: 'an arm has 30 events in 25 participants',
    });
  });
});

describe('continuous effects', () => {
  it('computes the mean difference with the unequal-variance variance', () => {
    const e = estimable(continuousEffect('MD', { mean: 16.1, sd: 9.2, n: 17 }, { mean: 27.4, sd: 7.8, n: 14 }));
    expect(e.yi).toBeCloseTo(-11.3, 12);
    expect(e.vi).toBeCloseTo(9.2 ** 2 / 17 + 7.8 ** 2 / 14, 12);
  });

  it('computes Hedges’ g with the exact correction, which is smaller than the approximate one', () => {
    expect(hedgesCorrection(38)).toBeCloseTo(0.980110402, 8);
    expect(hedgesCorrection(38)).toBeLessThan(1 - 3 / (4 * 38 - 1));
    const e = estimable(continuousEffect('SMD', { mean: -12.3, sd: 8.1, n: 20 }, { mean: -5.2, sd: 7.4, n: 20 }));
    const sp = Math.sqrt((19 * 8.1 ** 2 + 19 * 7.4 ** 2) / 38);
    expect(e.yi).toBeCloseTo(hedgesCorrection(38) * (-7.1 / sp), 12);
    expect(e.vi).toBeCloseTo(1 / 20 + 1 / 20 + e.yi ** 2 / 80, 12);
  });

  it('cannot give an SMD for three participants in all', () => {
    expect(continuousEffect('SMD', { mean: 1, sd: 1, n: 2 }, { mean: 0, sd: 1, n: 1 }).estimable).toBe(false);
  });
});

describe('reported effects', () => {
  it('puts a reported risk ratio on the log scale and recovers its variance from the interval', () => {
    const e = estimable(reportedEffect('RR', 2.1, [1.2, 3.7]));
    expect(e.yi).toBeCloseTo(Math.log(2.1), 12);
    expect(Math.sqrt(e.vi)).toBeCloseTo((Math.log(3.7) - Math.log(1.2)) / (2 * 1.959963984540054), 10);
  });

  it('keeps a mean difference on its own scale', () => {
    const e = estimable(reportedEffect('MD', -4, [-7.31, -0.64]));
    expect(e.yi).toBe(-4);
    expect(Math.sqrt(e.vi)).toBeCloseTo(6.67 / (2 * 1.959963984540054), 10);
  });

  it('rejects a ratio with a zero limit and an interval with its limits reversed', () => {
    expect(reportedEffect('OR', 2, [0, 3]).estimable).toBe(false);
    expect(reportedEffect('MD', 1, [2, 0]).estimable).toBe(false);
  });
});

describe('scales', () => {
  it('back-transforms ratio measures and leaves differences alone', () => {
    expect(isRatioMeasure('OR')).toBe(true);
    expect(isRatioMeasure('RD')).toBe(false);
    expect(measureKind('SMD')).toBe('continuous');
    expect(backTransform('RR', Math.log(2))).toBeCloseTo(2, 12);
    expect(backTransform('MD', -3)).toBe(-3);
  });

  it('gives a study’s z interval on the reader’s scale', () => {
    const interval = studyInterval('RR', { yi: 0, vi: 0.25 });
    expect(interval.estimate).toBe(1);
    expect(interval.lower).toBeCloseTo(Math.exp(-1.959963984540054 * 0.5), 8);
    expect(interval.upper * interval.lower).toBeCloseTo(1, 12);
  });
});
