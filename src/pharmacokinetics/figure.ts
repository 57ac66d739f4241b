/**
 * The route figure: plasma concentration over time for each route, drawn
 * as SVG at build time from the cited parameters, with a text alternative
 * and the same numbers in a table beside it.
 */
import type { ElementContent } from 'hast';
import type { PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import { block, cite, hastBlock, hastElement, hastText, text } from '../remark/shared/nodes';
import { concentration } from './model';
import type { PkData } from './parameters';

const WIDTH = 640;
const HEIGHT = 340;
const LEGEND_ROW = 20;
const MARGIN = { top: 20, right: 20, bottom: 48, left: 64 };
const HOURS = 6;
const TABLE_HOURS = [0.25, 0.5, 1, 2, 4, 6];
/** Line patterns so routes differ without relying on colour. */
const DASHES = ['', '8 4', '2 4', '12 4 2 4', '4 4'];

export interface Curve {
  readonly id: string;
  readonly label: string;
  readonly points: readonly [number, number][];
  readonly peak: { hours: number; ngPerMl: number };
}

export function curves(data: PkData, steps = 240): Curve[] {
  return data.routes.map((route) => {
    const points: [number, number][] = [];
    let peak = { hours: 0, ngPerMl: 0 };
    for (let i = 0; i <= steps; i += 1) {
      const hours = (HOURS * i) / steps;
      const value = concentration(route, data.shared, data.doseMgPerKg, hours);
      points.push([hours, value]);
      if (value > peak.ngPerMl) peak = { hours, ngPerMl: value };
    }
    return { id: route.id, label: route.label, points, peak };
  });
}

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= value)!;
}

const round = (n: number) => Math.round(n * 10) / 10;

function svg(data: PkData, lines: Curve[]): ElementContent {
  // The legend sits under the axis title, one row per route, so it never covers a curve.
  const totalHeight = HEIGHT + lines.length * LEGEND_ROW + 8;
  const yMax = niceMax(Math.max(...lines.map((l) => l.peak.ngPerMl)));
  const x = (h: number) => MARGIN.left + (h / HOURS) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (c: number) => HEIGHT - MARGIN.bottom - (c / yMax) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const children: ElementContent[] = [
    hastElement('title', { id: 'pk-figure-title' }, [hastText('Modelled plasma ketamine concentration over six hours by route')]),
    hastElement('desc', { id: 'pk-figure-desc' }, [hastText(describe(data, lines))]),
  ];
  for (let i = 0; i <= 4; i += 1) {
    const value = (yMax * i) / 4;
    children.push(
      hastElement('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: round(y(value)), y2: round(y(value)), className: ['pk-figure__grid'] }, []),
      hastElement('text', { x: MARGIN.left - 8, y: round(y(value)) + 4, textAnchor: 'end', className: ['pk-figure__tick'] }, [hastText(String(round(value)))]),
    );
  }
  for (let h = 0; h <= HOURS; h += 1) {
    children.push(
      hastElement('text', { x: round(x(h)), y: HEIGHT - MARGIN.bottom + 18, textAnchor: 'middle', className: ['pk-figure__tick'] }, [hastText(String(h))]),
    );
  }
  children.push(
    hastElement('text', { x: (WIDTH + MARGIN.left) / 2, y: HEIGHT - 8, textAnchor: 'middle', className: ['pk-figure__axis'] }, [
      hastText('Hours after the start of the dose'),
    ]),
    hastElement('text', { x: 16, y: HEIGHT / 2, textAnchor: 'middle', transform: `rotate(-90 16 ${HEIGHT / 2})`, className: ['pk-figure__axis'] }, [
      hastText('Ketamine, ng/mL'),
    ]),
  );
  lines.forEach((line, i) => {
    const d = line.points.map(([h, c], j) => `${j === 0 ? 'M' : 'L'}${round(x(h))},${round(y(c))}`).join(' ');
    children.push(
      hastElement(
        'path',
        {
          d,
          fill: 'none',
          strokeWidth: 2.5,
          strokeDasharray: DASHES[i % DASHES.length] || undefined,
          className: ['pk-figure__line', `pk-figure__line--${i % DASHES.length}`],
        },
        [],
      ),
    );
    const legendY = HEIGHT + 8 + i * LEGEND_ROW;
    const legendX = MARGIN.left;
    children.push(
      hastElement(
        'line',
        {
          x1: legendX,
          x2: legendX + 28,
          y1: legendY,
          y2: legendY,
          strokeWidth: 2.5,
          strokeDasharray: DASHES[i % DASHES.length] || undefined,
          className: ['pk-figure__line', `pk-figure__line--${i % DASHES.length}`],
        },
        [],
      ),
      hastElement('text', { x: legendX + 34, y: legendY + 4, className: ['pk-figure__legend'] }, [hastText(line.label)]),
    );
  });
  return hastElement(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${totalHeight}`, role: 'img', ariaLabelledBy: 'pk-figure-title pk-figure-desc', className: ['pk-figure__svg'] },
    children,
  );
}

export function describe(data: PkData, lines: Curve[]): string {
  const peaks = lines.map((l) => `${l.label}: peak about ${Math.round(l.peak.ngPerMl)} ng/mL at ${round(l.peak.hours)} h`).join('; ');
  return `Modelled curves for a ${data.doseMgPerKg} mg/kg dose with a one-compartment model (half-life ${data.shared.halfLifeHours} h, volume ${data.shared.volumeLitresPerKg} L/kg). ${peaks}.`;
}

function citationText(keys: readonly string[]): PhrasingContent[] {
  return keys.length ? [cite(keys)] : [];
}

function dataTable(data: PkData, lines: Curve[]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: c })) });
  const header = row([
    [text('Route')],
    [text('Bioavailability')],
    [text('Peak (ng/mL) at hours')],
    ...TABLE_HOURS.map((h) => [text(`${h} h`)]),
    [text('Sources')],
  ]);
  const rows = data.routes.map((route, i) =>
    row([
      [text(route.label)],
      [text(`${Math.round(route.bioavailability * 100)}%`)],
      [text(`${Math.round(lines[i]!.peak.ngPerMl)} at ${round(lines[i]!.peak.hours)}`)],
      ...TABLE_HOURS.map((h) => [text(String(Math.round(concentration(route, data.shared, data.doseMgPerKg, h))))]),
      citationText([...route.citations, ...data.sharedCitations]),
    ]),
  );
  return { type: 'table', align: header.children.map(() => null), children: [header, ...rows] };
}

export function pkFigure(data: PkData): RootContent[] {
  const lines = curves(data);
  return [
    hastBlock('figure', { className: ['pk-figure'] }, [
      svg(data, lines),
      hastElement('figcaption', {}, [
        hastText(
          `Figure. ${describe(data, lines)} A one-compartment model simplifies ketamine’s multi-compartment kinetics and ignores differences between people; read the shape, not the exact values. Parameters and their sources are in the table below.`,
        ),
      ]),
    ]),
    block('div', { className: ['pk-figure__table'], role: 'region', ariaLabel: 'Data behind the figure', tabIndex: 0 }, [dataTable(data, lines)]),
  ];
}
