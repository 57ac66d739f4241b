import { describe, expect, it } from 'vitest';
import { absorptionRateForPeak, concentration, eliminationRate, timeOfPeak } from '../model';

const shared = { halfLifeHours: 2.5, volumeLitresPerKg: 3 };

describe('one-compartment model', () => {
  it('halves the concentration every half-life after an infusion ends', () => {
    const route = { id: 'iv', label: 'IV', bioavailability: 1, input: { kind: 'infusion', minutes: 40 } } as const;
    const end = concentration(route, shared, 0.5, 40 / 60);
    expect(concentration(route, shared, 0.5, 40 / 60 + 2.5) / end).toBeCloseTo(0.5, 6);
  });

  it('finds the absorption rate that puts the peak at the cited time', () => {
    const ke = eliminationRate(2.5);
    const ka = absorptionRateForPeak(0.75, ke);
    expect(timeOfPeak(ka, ke)).toBeCloseTo(0.75, 6);
  });

  it('peaks at tmax and scales with bioavailability', () => {
    const full = { id: 'a', label: 'A', bioavailability: 1, input: { kind: 'first-order', tmaxHours: 0.5 } } as const;
    const half = { ...full, bioavailability: 0.5 };
    const at = (h: number) => concentration(full, shared, 0.5, h);
    expect(at(0.5)).toBeGreaterThan(at(0.4));
    expect(at(0.5)).toBeGreaterThan(at(0.6));
    expect(concentration(half, shared, 0.5, 1) / at(1)).toBeCloseTo(0.5, 6);
    expect(at(0)).toBe(0);
  });
});
