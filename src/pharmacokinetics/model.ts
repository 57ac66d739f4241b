/**
 * One-compartment pharmacokinetic model used to draw the route figure.
 *
 * It is deliberately simple: ketamine's disposition is better described by
 * two or three compartments, but a one-compartment curve built from each
 * route's cited bioavailability and time to peak shows the differences a
 * clinician needs (how high, how soon) without pretending to more precision
 * than the sources give. The figure says so in its caption.
 */

export interface SharedParameters {
  /** Elimination half-life in hours. */
  readonly halfLifeHours: number;
  /** Volume of distribution in litres per kilogram. */
  readonly volumeLitresPerKg: number;
}

export type RouteInput = { readonly kind: 'infusion'; readonly minutes: number } | { readonly kind: 'first-order'; readonly tmaxHours: number };

export interface RouteParameters {
  readonly id: string;
  readonly label: string;
  readonly bioavailability: number;
  readonly input: RouteInput;
}

export const eliminationRate = (halfLifeHours: number) => Math.LN2 / halfLifeHours;

/** Time of the peak for first-order absorption (ka) and elimination (ke). */
export function timeOfPeak(ka: number, ke: number): number {
  return Math.log(ka / ke) / (ka - ke);
}

/**
 * The absorption rate constant that gives the observed time of peak.
 * tmax falls as ka rises (for ka > ke), so bisection finds it.
 */
export function absorptionRateForPeak(tmaxHours: number, ke: number): number {
  let low = ke * (1 + 1e-9);
  let high = 1000;
  if (timeOfPeak(high, ke) > tmaxHours) return high;
  for (let i = 0; i < 200; i += 1) {
    const mid = (low + high) / 2;
    if (timeOfPeak(mid, ke) > tmaxHours) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * Plasma concentration in ng/mL at `hours` after the start of a dose of
 * `doseMgPerKg`. Dose per kilogram over volume per kilogram gives mg/L,
 * which is numerically µg/mL; times 1000 gives ng/mL.
 */
export function concentration(route: RouteParameters, shared: SharedParameters, doseMgPerKg: number, hours: number): number {
  if (hours <= 0) return 0;
  const ke = eliminationRate(shared.halfLifeHours);
  const amount = route.bioavailability * doseMgPerKg;
  const toNgPerMl = 1000 / shared.volumeLitresPerKg;
  if (route.input.kind === 'infusion') {
    const duration = route.input.minutes / 60;
    const rate = amount / duration;
    const during = (t: number) => (rate / ke) * (1 - Math.exp(-ke * t));
    const value = hours <= duration ? during(hours) : during(duration) * Math.exp(-ke * (hours - duration));
    return value * toNgPerMl;
  }
  const ka = absorptionRateForPeak(route.input.tmaxHours, ke);
  return ((amount * ka) / (ka - ke)) * (Math.exp(-ke * hours) - Math.exp(-ka * hours)) * toNgPerMl;
}
