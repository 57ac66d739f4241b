import { describe, expect, it } from 'vitest';
import { binaryAbsoluteEffect, continuousAbsoluteEffect, correspondingRisk, givenControlRisk, medianControlRisk, numberNeededToTreat } from '../absolute';

describe('assumed control risk', () => {
  it('takes the median control-group risk of the studies and says so', () => {
    const assumed = medianControlRisk([
      { events: 0, n: 14 },
      { events: 7, n: 25 },
      { events: 3, n: 19 },
      { events: 10, n: 40 },
    ])!;
    expect(assumed.risk).toBeCloseTo((3 / 19 + 10 / 40) / 2, 12);
    expect(assumed.rule).toBe('median-control-risk');
    expect(assumed.description).toBe('the median control-group risk of the 4 studies with event counts');
  });

  it('has no median without event counts', () => {
    expect(medianControlRisk([])).toBeUndefined();
  });
});

describe('corresponding risk', () => {
  it('multiplies the control risk by a risk ratio, and converts through odds for an odds ratio', () => {
    expect(correspondingRisk('RR', 2, 0.2)).toBeCloseTo(0.4, 12);
    expect(correspondingRisk('OR', 2, 0.2)).toBeCloseTo((2 * 0.25) / (1 + 2 * 0.25), 12);
    expect(correspondingRisk('RD', 0.1, 0.2)).toBeCloseTo(0.3, 12);
  });

  it('never goes above 1,000 per 1,000', () => {
    expect(correspondingRisk('RR', 8, 0.3)).toBe(1);
  });

  it('gives per-1,000 numbers that add up, and the GRADEpro sentence', () => {
    const effect = binaryAbsoluteEffect('RR', { estimate: 2.1, lower: 1.2, upper: 3.7 }, givenControlRisk(0.2, 'a cohort'), 'higher');
    expect(effect.perThousand).toEqual({
      assumed: 200,
      corresponding: { estimate: 420, lower: 240, upper: 740 },
      difference: { estimate: 220, lower: 40, upper: 540 },
    });
    expect(effect.text).toBe('220 more per 1,000 (from 40 more to 540 more)');
    expect(effect.nnt.text).toBe('NNTB 5 (95% CI NNTB 2 to 25)');
  });

  it('describes fewer events as fewer per 1,000', () => {
    const effect = binaryAbsoluteEffect('OR', { estimate: 0.5, lower: 0.3, upper: 1.4 }, givenControlRisk(0.3, 'trials'), 'lower');
    expect(effect.text).toMatch(/^\d+ fewer per 1,000 \(from \d+ fewer to \d+ more\)$/);
    expect(effect.nnt.point.side).toBe('benefit');
    expect(effect.nnt.interval.kind).toBe('crosses-no-effect');
  });
});

describe('number needed to treat', () => {
  it('is NNTB when more events are good and the intervention has more', () => {
    expect(numberNeededToTreat({ estimate: 0.2, lower: 0.1, upper: 0.3 }, 'higher')).toEqual({
      point: { side: 'benefit', value: 5 },
      interval: { kind: 'one-side', side: 'benefit', from: 1 / 0.3, to: 10 },
      text: 'NNTB 5 (95% CI NNTB 4 to 10)',
    });
  });

  it('is NNTH when more events are bad and the intervention has more', () => {
    const nnt = numberNeededToTreat({ estimate: 0.2, lower: 0.1, upper: 0.3 }, 'lower');
    expect(nnt.text).toBe('NNTH 5 (95% CI NNTH 4 to 10)');
  });

  it('runs from NNTB through infinity to NNTH when the interval crosses no effect (Altman 1998)', () => {
    const nnt = numberNeededToTreat({ estimate: 0.1, lower: -0.05, upper: 0.25 }, 'higher');
    expect(nnt.interval).toEqual({ kind: 'crosses-no-effect', benefitFrom: 4, harmFrom: 20 });
    expect(nnt.text).toBe('NNTB 10 (95% CI NNTB 4 to ∞ to NNTH 20)');
  });

  it('rounds NNTs up to whole people', () => {
    expect(numberNeededToTreat({ estimate: 0.15, lower: 0.11, upper: 0.19 }, 'higher').text).toBe('NNTB 7 (95% CI NNTB 6 to 10)');
  });

  it('is infinite when there is no difference at all', () => {
    expect(numberNeededToTreat({ estimate: 0, lower: -0.1, upper: 0.1 }, 'higher').text).toBe('NNT ∞ (95% CI NNTB 10 to ∞ to NNTH 10)');
  });
});

describe('continuous absolute effects', () => {
  it('states a mean difference in scale points, lower or higher', () => {
    expect(continuousAbsoluteEffect('MD', { estimate: -4.2, lower: -7.31, upper: -0.64 }).text).toBe('4.20 points lower (7.31 lower to 0.64 lower)');
  });

  it('keeps a standardized mean difference in standard deviations', () => {
    const effect = continuousAbsoluteEffect('SMD', { estimate: -0.45, lower: -0.8, upper: 0.1 });
    expect(effect.unit).toBe('standard deviations');
    expect(effect.text).toBe('SMD 0.45 lower (0.80 lower to 0.10 higher)');
  });
});
