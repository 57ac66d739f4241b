/**
 * Loads and checks src/data/pk-parameters.json: the cited values the route
 * figure is computed from. Every value names the references that report it.
 */
import { readFileSync } from 'node:fs';
import type { Problem } from '../content/problems';
import type { RouteParameters, SharedParameters } from './model';

export interface CitedRoute extends RouteParameters {
  readonly note?: string;
  readonly citations: readonly string[];
}

export interface PkData {
  readonly doseMgPerKg: number;
  readonly shared: SharedParameters;
  readonly sharedCitations: readonly string[];
  readonly routes: readonly CitedRoute[];
}

interface RawRoute {
  id?: unknown;
  label?: unknown;
  bioavailability?: unknown;
  bioavailability_cite?: unknown;
  input?: unknown;
  infusion_minutes?: unknown;
  tmax_h?: unknown;
  tmax_cite?: unknown;
  note?: unknown;
}

const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const keys = (value: unknown): string[] => (Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []);

/** Parses the data file; throws with the field to fix when a value is missing or impossible. */
export function parsePkData(raw: unknown, file: string): PkData {
  const fail = (where: string, fix: string): never => {
    throw new Error(`${file}: ${where}: ${fix}`);
  };
  const data = raw as { dose_mg_per_kg_reference?: unknown; shared?: Record<string, unknown>; routes?: RawRoute[] };
  const dose = data.dose_mg_per_kg_reference;
  if (!isPositive(dose)) fail('dose_mg_per_kg_reference', 'give the reference dose in mg/kg as a positive number');
  const shared = data.shared ?? fail('shared', 'add half_life_h, half_life_cite, volume_l_per_kg and volume_cite');
  if (!isPositive(shared.half_life_h)) fail('shared.half_life_h', 'give the elimination half-life in hours');
  if (!isPositive(shared.volume_l_per_kg)) fail('shared.volume_l_per_kg', 'give the volume of distribution in L/kg');
  const sharedCitations = [...keys(shared.half_life_cite), ...keys(shared.volume_cite)];
  if (keys(shared.half_life_cite).length === 0 || keys(shared.volume_cite).length === 0) {
    fail('shared', 'cite the source of the half-life (half_life_cite) and the volume (volume_cite)');
  }
  if (!Array.isArray(data.routes) || data.routes.length === 0) fail('routes', 'list at least one route');
  const routes = data.routes!.map((route, i): CitedRoute => {
    const where = `routes[${i}]`;
    if (typeof route.id !== 'string' || typeof route.label !== 'string') fail(where, 'give each route an id and a label');
    const f = route.bioavailability;
    if (!isPositive(f) || f > 1) fail(`${where}.bioavailability`, 'give bioavailability as a fraction between 0 and 1');
    const citations = [...keys(route.bioavailability_cite), ...keys(route.tmax_cite)];
    if (keys(route.bioavailability_cite).length === 0) fail(`${where}.bioavailability_cite`, 'cite the source of the bioavailability');
    let input: RouteParameters['input'];
    if (route.input === 'infusion') {
      if (!isPositive(route.infusion_minutes)) fail(`${where}.infusion_minutes`, 'give the infusion duration in minutes');
      input = { kind: 'infusion', minutes: route.infusion_minutes as number };
    } else if (route.input === 'first-order') {
      if (!isPositive(route.tmax_h)) fail(`${where}.tmax_h`, 'give the time to peak in hours');
      if (keys(route.tmax_cite).length === 0) fail(`${where}.tmax_cite`, 'cite the source of the time to peak');
      input = { kind: 'first-order', tmaxHours: route.tmax_h as number };
    } else {
      return fail(`${where}.input`, 'use "infusion" or "first-order"');
    }
    return {
      id: route.id as string,
      label: route.label as string,
      bioavailability: f as number,
      input,
      note: typeof route.note === 'string' ? route.note : undefined,
      citations,
    };
  });
  return {
    doseMgPerKg: dose as number,
    shared: { halfLifeHours: shared.half_life_h as number, volumeLitresPerKg: shared.volume_l_per_kg as number },
    sharedCitations,
    routes,
  };
}

/** Reads the parameters file; a problem (never an exception) when a value is missing or impossible. */
export function readPkData(path: string): { data?: PkData; problems: Problem[] } {
  try {
    return { data: parsePkData(JSON.parse(readFileSync(path, 'utf8')), path), problems: [] };
  } catch (error) {
    return { problems: [{ file: path, line: 1, column: 1, ruleId: 'data-invalid', message: (error as Error).message.replace(`${path}: `, '') }] };
  }
}
