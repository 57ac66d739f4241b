import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { curves, describe as describeFigure, pkFigure } from '../figure';
import { PATHS } from '../../content/paths';
import { parsePkData, readPkData } from '../parameters';

const data = parsePkData(
  {
    dose_mg_per_kg_reference: 0.5,
    shared: { half_life_h: 2.5, half_life_cite: ['a2020b'], volume_l_per_kg: 5, volume_cite: ['c2020d'] },
    routes: [
      { id: 'iv', label: 'IV', bioavailability: 1, bioavailability_cite: ['a2020b'], input: 'infusion', infusion_minutes: 40 },
      { id: 'sl', label: 'Sublingual', bioavailability: 0.3, bioavailability_cite: ['e2020f'], input: 'first-order', tmax_h: 0.75, tmax_cite: ['e2020f'] },
    ],
  },
  'pk.json',
);

describe('route figure', () => {
  it('puts each curve’s peak where the parameters say', () => {
    const [iv, sl] = curves(data);
    expect(iv!.peak.hours).toBeCloseTo(40 / 60, 1);
    expect(sl!.peak.hours).toBeCloseTo(0.75, 1);
    expect(sl!.peak.ngPerMl).toBeLessThan(iv!.peak.ngPerMl);
  });

  it('describes the curves in words for the text alternative', () => {
    expect(describeFigure(data, curves(data))).toMatch(
      /^Modelled curves for a 0\.5 mg\/kg dose .* IV: peak about \d+ ng\/mL at 0\.7 h; Sublingual: peak about \d+ ng\/mL at 0\.8 h\.$/,
    );
  });

  it('renders an SVG with a title and description, and a data table with every cell, citing each value', () => {
    const [figure, table] = pkFigure(data);
    const svg = (figure as { data: { hChildren: { tagName: string; properties: Record<string, unknown> }[] } }).data.hChildren[0]!;
    expect(svg.tagName).toBe('svg');
    expect(svg.properties.ariaLabelledBy).toBe('pk-figure-title pk-figure-desc');
    const grid = (table as unknown as { children: Table[] }).children[0]!;
    // Every column has an alignment entry; with none, mdast-util-to-hast renders rows without their cells.
    expect(grid.align).toHaveLength(grid.children[0]!.children.length);
    expect(grid.children.every((row) => row.children.length === grid.align!.length)).toBe(true);
    expect(JSON.stringify(table)).toContain('{"type":"cite","keys":["e2020f","a2020b","c2020d"]}');
  });

  it('explains which value is missing from the data file', () => {
    expect(() => parsePkData({ dose_mg_per_kg_reference: 0.5, shared: { half_life_h: 2.5, volume_l_per_kg: 5 } }, 'pk.json')).toThrow(
      'pk.json: shared: cite the source of the half-life (half_life_cite) and the volume (volume_cite)',
    );
  });

  it('loads the site’s cited parameters', () => {
    const { data: site, problems } = readPkData(PATHS.pkParameters);
    expect(problems).toEqual([]);
    expect(site!.routes.map((r) => r.id)).toContain('iv');
  });
});
