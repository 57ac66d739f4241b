/**
 * The forest plot of an outcome as static SVG, drawn at build time, and
 * the same numbers as a table for screen readers and print.
 *
 * The SVG is an image to assistive technology (`role="img"`), named by its
 * `<title>` and summarized in words by its `<desc>`; the table beside it
 * carries every number. Shapes draw in `currentColor` so the plot follows
 * the page's text color (light and dark themes) even without a stylesheet;
 * every element has a `forest-` class the theme can restyle. The viewBox is
 * 640 units wide and the plot scales to its container: at 640 px the
 * smallest text is 11 px, and at 360 px the table remains the readable copy.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import type { OutcomeAnalysis, StudyRow } from './analyse';
import { MEASURE_NAMES, isRatioMeasure, nullValue, type EstimateWithInterval, type Measure } from './effects';
import { formatEffect, formatEstimate, formatInterval, formatNumber, formatP, formatPercent } from './format';
import type { PoolResult } from './pool';

export interface ForestPlotOptions {
  /** Short name of the intervention for "Favours …" and the column heading, e.g. "Ketamine". */
  readonly interventionLabel: string;
  /** Short name of the comparator, e.g. "Placebo". */
  readonly comparatorLabel: string;
  /** Prefix of the plot's element ids; unique on the page. Defaults to `forest-<dataset>-<outcome>`. */
  readonly idPrefix?: string;
  /** Also draw the fixed-effect diamond under the random-effects one. */
  readonly showFixedEffect?: boolean;
}

export const FOREST_WIDTH = 640;
/** The smallest text in viewBox units, which are pixels at 640 px wide. */
export const FOREST_MIN_FONT = 11;
const FONT = 12;
const ROW = 22;
const TOP = 40;
/** Column positions: study label, n per arm (right-aligned), plot, effect text, weight (right-aligned). */
const COLUMN = { label: 4, nIntervention: 180, nControl: 232, plotStart: 244, plotEnd: 420, effect: 428, weight: 636 } as const;
/** About 0.55 em per character in the site's sans-serif; used to shorten text that would overlap. */
const charsFitting = (width: number, size: number) => Math.floor(width / (size * 0.55));
const LABEL_CHARS = charsFitting(COLUMN.nIntervention - 40 - COLUMN.label, FONT);
/**
 * The arm names head the n columns on two staggered lines (intervention
 * above, comparator below), so each can run left over the label column
 * instead of being cut to the width of a number.
 */
const ARM_CHARS = charsFitting(COLUMN.nIntervention - 50, FOREST_MIN_FONT);
const MAX_SQUARE = 14;

const round = (n: number) => Math.round(n * 10) / 10;

const PRIMARY_LABEL = 'Random effects';
const METHOD_WORDS = 'random effects, REML with the Hartung–Knapp–Sidik–Jonkman adjustment';

/** Text shortened to `chars` with an ellipsis; the full text stays in a tooltip. */
function fitted(value: string, chars: number, properties: Record<string, string | number | string[]>): Element {
  if (value.length <= chars) return s('text', properties, value);
  return s('text', properties, [s('title', value), `${value.slice(0, chars - 1)}…`]);
}

interface Scale {
  readonly x: (value: number) => number;
  readonly ticks: readonly number[];
  readonly min: number;
  readonly max: number;
}

/**
 * The smallest "nice" axis limit (1, 2 or 5 times a power of ten) at least
 * `value`; its half, the inner tick, is then nice too (0.5, 1 or 2.5).
 */
function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= value * (1 - 1e-12))!;
}

/** Ratio limits and their ticks: symmetric around 1 on the log scale, so "no effect" sits in the middle. */
const RATIO_AXES: readonly { limit: number; ticks: readonly number[] }[] = [
  { limit: 2, ticks: [0.5, 0.7, 1, 1.5, 2] },
  { limit: 5, ticks: [0.2, 0.5, 1, 2, 5] },
  { limit: 10, ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10] },
  { limit: 20, ticks: [0.05, 0.2, 1, 5, 20] },
  { limit: 50, ticks: [0.02, 0.1, 1, 10, 50] },
  { limit: 100, ticks: [0.01, 0.1, 1, 10, 100] },
];

/** An axis that holds every interval drawn, symmetric around no effect; ratios beyond 1/100 to 100 are clipped. */
function scaleFor(measure: Measure, values: readonly number[]): Scale {
  const width = COLUMN.plotEnd - COLUMN.plotStart;
  const finite = values.filter((v) => Number.isFinite(v) && (!isRatioMeasure(measure) || v > 0));
  if (isRatioMeasure(measure)) {
    const reach = Math.max(0, ...finite.map((v) => Math.abs(Math.log(v))));
    const axis = RATIO_AXES.find((a) => Math.log(a.limit) >= reach) ?? RATIO_AXES[RATIO_AXES.length - 1]!;
    const span = Math.log(axis.limit);
    return {
      x: (v) => COLUMN.plotStart + ((Math.log(v) + span) / (2 * span)) * width,
      ticks: axis.ticks,
      min: 1 / axis.limit,
      max: axis.limit,
    };
  }
  const limit = niceCeil(Math.max(0, ...finite.map((v) => Math.abs(v))));
  return {
    x: (v) => COLUMN.plotStart + ((v + limit) / (2 * limit)) * width,
    ticks: [-limit, -limit / 2, 0, limit / 2, limit],
    min: -limit,
    max: limit,
  };
}

/** A horizontal interval clipped to the axis, with an arrowhead where it runs off. */
function intervalLine(scale: Scale, lower: number, upper: number, y: number, className: string): Element[] {
  const clip = (v: number) => Math.min(scale.max, Math.max(scale.min, v));
  const x1 = round(scale.x(clip(lower)));
  const x2 = round(scale.x(clip(upper)));
  const shapes: Element[] = [s('line', { x1, x2, y1: y, y2: y, stroke: 'currentColor', strokeWidth: 1.5, className: [className] })];
  const arrow = (x: number, direction: 1 | -1) =>
    s('polygon', {
      points: `${x},${y} ${x - 6 * direction},${y - 4} ${x - 6 * direction},${y + 4}`,
      fill: 'currentColor',
      className: [className, 'forest-arrow'],
    });
  if (lower < scale.min) shapes.push(arrow(x1, -1));
  if (upper > scale.max) shapes.push(arrow(x2, 1));
  return shapes;
}

function diamond(scale: Scale, interval: EstimateWithInterval, y: number, className: string): Element {
  const clip = (v: number) => round(scale.x(Math.min(scale.max, Math.max(scale.min, v))));
  return s('polygon', {
    points: `${clip(interval.lower)},${y} ${clip(interval.estimate)},${y - 7} ${clip(interval.upper)},${y} ${clip(interval.estimate)},${y + 7}`,
    fill: 'currentColor',
    className: ['forest-diamond', className],
  });
}

function studyValues(study: StudyRow): number[] {
  return [study.reader.estimate, study.reader.lower, study.reader.upper];
}

/** Which side of the axis favours the intervention: values above no effect mean more events or higher scores with it. */
export function favouredSides(
  good: 'higher' | 'lower',
  options: Pick<ForestPlotOptions, 'interventionLabel' | 'comparatorLabel'>,
): { left: string; right: string } {
  const intervention = `Favours ${options.interventionLabel.toLowerCase()}`;
  const comparator = `Favours ${options.comparatorLabel.toLowerCase()}`;
  return good === 'higher' ? { left: comparator, right: intervention } : { left: intervention, right: comparator };
}

function testText(result: PoolResult): string | undefined {
  if (result.kind !== 'pooled') return undefined;
  const statistic = result.df === undefined ? `z = ${formatNumber(result.statistic, 2)}` : `t = ${formatNumber(result.statistic, 2)} (df ${result.df})`;
  return `Test for overall effect: ${statistic}, ${formatP(result.pValue)}`;
}

/** "Heterogeneity: τ² = 0.12; I² = 45% (95% CI 0% to 80%); Q = 7.30, df = 4, p = 0.12". */
export function heterogeneityText(analysis: OutcomeAnalysis): string | undefined {
  const het = analysis.heterogeneity;
  if (!het) return undefined;
  const i2 = het.interval
    ? `${formatPercent(het.i2)} (95% CI ${formatPercent(het.interval.i2.lower)} to ${formatPercent(het.interval.i2.upper)})`
    : formatPercent(het.i2);
  return `Heterogeneity: τ² = ${formatNumber(het.tau2, 3)}; I² = ${i2}; Q = ${formatNumber(het.q, 2)}, df = ${het.df}, ${formatP(het.pValue)}`;
}

function directionWords(analysis: OutcomeAnalysis, options: ForestPlotOptions): string {
  const pooled = analysis.reader.primary;
  if (!pooled) return '';
  const none = nullValue(analysis.measure);
  if (pooled.lower <= none && pooled.upper >= none) return 'the interval includes no effect';
  const higher = pooled.lower > none;
  const favoursIntervention = higher === (analysis.outcome.good === 'higher');
  return `favours ${(favoursIntervention ? options.interventionLabel : options.comparatorLabel).toLowerCase()}`;
}

/** The plot in words, for `<desc>`: what was compared, the pooled result, heterogeneity and the spread of the studies. */
export function describeForestPlot(analysis: OutcomeAnalysis, options: ForestPlotOptions): string {
  const { measure, outcome } = analysis;
  const name = MEASURE_NAMES[measure];
  const subject = `${outcome.label}, ${options.interventionLabel.toLowerCase()} compared with ${options.comparatorLabel.toLowerCase()}`;
  const pooled = analysis.reader.primary;
  if (analysis.primary.kind === 'no-data') return `${subject}: no study reports this outcome.`;
  const parts = [`${subject}: ${analysis.k} ${analysis.k === 1 ? 'study' : 'studies'}, ${analysis.participants} participants.`];
  if (analysis.primary.kind === 'failed') parts.push(`No pooled estimate: ${analysis.primary.note}.`);
  else if (analysis.primary.kind === 'single-study' && pooled) {
    parts.push(
      `One study: ${name} ${formatEffect(measure, pooled.estimate)} (95% CI ${formatInterval(measure, pooled.lower, pooled.upper)}); ${directionWords(analysis, options)}.`,
    );
  } else if (pooled) {
    parts.push(
      `Pooled ${name} ${formatEffect(measure, pooled.estimate)} (95% CI ${formatInterval(measure, pooled.lower, pooled.upper)}) by ${METHOD_WORDS}; ${directionWords(analysis, options)}.`,
    );
  }
  if (analysis.heterogeneity) {
    const het = analysis.heterogeneity;
    parts.push(
      `I² = ${formatPercent(het.i2)}${het.interval ? ` (95% CI ${formatPercent(het.interval.i2.lower)} to ${formatPercent(het.interval.i2.upper)})` : ''}.`,
    );
  }
  if (analysis.prediction) parts.push(`95% prediction interval ${formatInterval(measure, analysis.prediction.lower, analysis.prediction.upper)}.`);
  if (analysis.k > 1) {
    const estimates = analysis.studies.map((st) => st.reader.estimate);
    parts.push(`Study estimates range from ${formatEffect(measure, Math.min(...estimates))} to ${formatEffect(measure, Math.max(...estimates))}.`);
  }
  return parts.join(' ');
}

function axisTitle(measure: Measure): string {
  const name = MEASURE_NAMES[measure];
  const title = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  return isRatioMeasure(measure) ? `${title} (log scale)` : title;
}

/** Properties of a text element; `classNames` is space-separated, as in HTML. */
const textProps = (x: number, y: number, anchor: 'start' | 'middle' | 'end', classNames: string, size = FONT) => ({
  x,
  y,
  textAnchor: anchor,
  fontSize: size,
  fill: 'currentColor',
  className: classNames.split(' '),
});

/** The forest plot of one outcome as an SVG element. */
export function forestPlot(analysis: OutcomeAnalysis, options: ForestPlotOptions): Element {
  const prefix = options.idPrefix ?? `forest-${analysis.datasetId}-${analysis.outcome.id}`;
  const { measure } = analysis;
  const primary = analysis.reader.primary;
  const fixed = options.showFixedEffect && analysis.primary.kind === 'pooled' ? analysis.reader.fixedEffect : undefined;
  const pooledDrawn = analysis.primary.kind === 'pooled' && primary;
  const values = [
    ...analysis.studies.flatMap(studyValues),
    ...(pooledDrawn ? [primary.lower, primary.upper] : []),
    ...(fixed ? [fixed.lower, fixed.upper] : []),
    ...(analysis.prediction ? [analysis.prediction.lower, analysis.prediction.upper] : []),
  ];
  const scale = scaleFor(measure, values);
  const children: ElementContent[] = [
    s('title', { id: `${prefix}-title` }, `Forest plot: ${analysis.outcome.label}`),
    s('desc', { id: `${prefix}-desc` }, describeForestPlot(analysis, options)),
  ];

  // Column headings: the arm names on two lines, the rest on the second.
  const headingY = 28;
  children.push(
    fitted(`${options.interventionLabel} n`, ARM_CHARS, textProps(COLUMN.nIntervention, headingY - 14, 'end', 'forest-heading', FOREST_MIN_FONT)),
    s('text', textProps(COLUMN.label, headingY, 'start', 'forest-heading'), 'Study'),
    fitted(`${options.comparatorLabel} n`, ARM_CHARS, textProps(COLUMN.nControl, headingY, 'end', 'forest-heading', FOREST_MIN_FONT)),
    s('text', textProps((COLUMN.plotStart + COLUMN.plotEnd) / 2, headingY, 'middle', 'forest-heading'), `${measure} (95% CI)`),
    s('text', textProps(COLUMN.weight, headingY, 'end', 'forest-heading'), 'Weight'),
    s('line', {
      x1: COLUMN.label,
      x2: COLUMN.weight,
      y1: headingY + 6,
      y2: headingY + 6,
      stroke: 'currentColor',
      strokeWidth: 0.5,
      className: ['forest-rule'],
    }),
  );

  // One row per study.
  const maxWeight = Math.max(0, ...analysis.studies.map((st) => st.weight));
  analysis.studies.forEach((study, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const side = maxWeight > 0 ? Math.max(4, MAX_SQUARE * Math.sqrt(study.weight / maxWeight)) : 6;
    children.push(
      fitted(study.label, LABEL_CHARS, textProps(COLUMN.label, y + 4, 'start', 'forest-label')),
      s('text', textProps(COLUMN.nIntervention, y + 4, 'end', 'forest-n'), String(study.n.intervention)),
      s('text', textProps(COLUMN.nControl, y + 4, 'end', 'forest-n'), String(study.n.control)),
      ...intervalLine(scale, study.reader.lower, study.reader.upper, y, 'forest-ci'),
    );
    if (study.reader.estimate >= scale.min && study.reader.estimate <= scale.max) {
      const cx = scale.x(study.reader.estimate);
      children.push(
        s('rect', {
          x: round(cx - side / 2),
          y: round(y - side / 2),
          width: round(side),
          height: round(side),
          fill: 'currentColor',
          className: ['forest-square'],
        }),
      );
    }
    children.push(
      s('text', textProps(COLUMN.effect, y + 4, 'start', 'forest-effect'), formatEstimate(measure, study.reader)),
      s('text', textProps(COLUMN.weight, y + 4, 'end', 'forest-weight'), `${formatNumber(study.weight, 1)}%`),
    );
  });

  // Pooled rows: the primary diamond, the fixed effect if asked, and the prediction interval as a line under them.
  let y = TOP + analysis.studies.length * ROW + ROW / 2 + 4;
  const totals = analysis.studies.reduce((t, st) => ({ i: t.i + st.n.intervention, c: t.c + st.n.control }), { i: 0, c: 0 });
  if (pooledDrawn) {
    children.push(
      s('text', textProps(COLUMN.label, y + 4, 'start', 'forest-label forest-label--pooled'), PRIMARY_LABEL),
      s('text', textProps(COLUMN.nIntervention, y + 4, 'end', 'forest-n'), String(totals.i)),
      s('text', textProps(COLUMN.nControl, y + 4, 'end', 'forest-n'), String(totals.c)),
      diamond(scale, primary, y, 'forest-diamond--primary'),
      s('text', textProps(COLUMN.effect, y + 4, 'start', 'forest-effect forest-effect--pooled'), formatEstimate(measure, primary)),
      s('text', textProps(COLUMN.weight, y + 4, 'end', 'forest-weight'), '100%'),
    );
    y += ROW;
    if (fixed) {
      children.push(
        s('text', textProps(COLUMN.label, y + 4, 'start', 'forest-label forest-label--pooled'), 'Fixed effect'),
        diamond(scale, fixed, y, 'forest-diamond--fixed'),
        s('text', textProps(COLUMN.effect, y + 4, 'start', 'forest-effect forest-effect--pooled'), formatEstimate(measure, fixed)),
      );
      y += ROW;
    }
    if (analysis.prediction) {
      const pi = analysis.prediction;
      const caps = [pi.lower, pi.upper]
        .filter((v) => v >= scale.min && v <= scale.max)
        .map((v) =>
          s('line', {
            x1: round(scale.x(v)),
            x2: round(scale.x(v)),
            y1: y - 4,
            y2: y + 4,
            stroke: 'currentColor',
            strokeWidth: 1.5,
            className: ['forest-prediction'],
          }),
        );
      children.push(
        s('text', textProps(COLUMN.label, y + 4, 'start', 'forest-label forest-label--prediction', FOREST_MIN_FONT), 'Prediction interval'),
        ...intervalLine(scale, pi.lower, pi.upper, y, 'forest-prediction'),
        ...caps,
        s(
          'text',
          textProps(COLUMN.effect, y + 4, 'start', 'forest-effect forest-effect--prediction', FOREST_MIN_FONT),
          `[${formatEffect(measure, pi.lower)}, ${formatEffect(measure, pi.upper)}]`,
        ),
      );
      y += ROW;
    }
  } else {
    const result = analysis.primary;
    const note =
      result.kind === 'no-data'
        ? 'No study reports this outcome'
        : result.kind === 'failed'
          ? `No pooled estimate: ${result.note}`
          : 'One study: no pooled estimate';
    children.push(s('text', textProps(COLUMN.label, y + 4, 'start', 'forest-note'), note));
    y += ROW;
  }

  // The line of no effect, the axis with its ticks, and which side favours which arm.
  const axisY = y;
  const xNull = round(scale.x(nullValue(measure)));
  children.push(
    s('line', { x1: xNull, x2: xNull, y1: TOP, y2: axisY, stroke: 'currentColor', strokeWidth: 1, className: ['forest-null'] }),
    s('line', { x1: COLUMN.plotStart, x2: COLUMN.plotEnd, y1: axisY, y2: axisY, stroke: 'currentColor', strokeWidth: 1, className: ['forest-axis'] }),
  );
  for (const tick of scale.ticks) {
    const x = round(scale.x(tick));
    children.push(
      s('line', { x1: x, x2: x, y1: axisY, y2: axisY + 4, stroke: 'currentColor', strokeWidth: 1, className: ['forest-tick'] }),
      s('text', textProps(x, axisY + 16, 'middle', 'forest-tick-label', FOREST_MIN_FONT), formatTick(tick)),
    );
  }
  const sides = favouredSides(analysis.outcome.good, options);
  children.push(
    fitted(
      sides.left,
      charsFitting(xNull - 6 - COLUMN.label, FOREST_MIN_FONT),
      textProps(xNull - 6, axisY + 31, 'end', 'forest-favours forest-favours--left', FOREST_MIN_FONT),
    ),
    fitted(
      sides.right,
      charsFitting(FOREST_WIDTH - 4 - xNull - 6, FOREST_MIN_FONT),
      textProps(xNull + 6, axisY + 31, 'start', 'forest-favours forest-favours--right', FOREST_MIN_FONT),
    ),
    s('text', textProps((COLUMN.plotStart + COLUMN.plotEnd) / 2, axisY + 46, 'middle', 'forest-axis-title', FOREST_MIN_FONT), axisTitle(measure)),
  );
  let footY = axisY + 66;
  for (const line of [heterogeneityText(analysis), testText(analysis.primary)]) {
    if (!line) continue;
    children.push(s('text', textProps(COLUMN.label, footY, 'start', 'forest-footnote', FOREST_MIN_FONT), line));
    footY += 16;
  }

  return s(
    'svg',
    {
      viewBox: `0 0 ${FOREST_WIDTH} ${round(footY)}`,
      role: 'img',
      ariaLabelledBy: [`${prefix}-title`, `${prefix}-desc`],
      className: ['forest-plot'],
      // Scale with the container; the height follows from the viewBox.
      width: '100%',
    },
    children,
  );
}

/** Tick labels in their shortest exact form ("0.25", "2.5", "0.1"), with a true minus sign. */
function formatTick(value: number): string {
  const text = String(Number(value.toPrecision(6)));
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

function armCell(study: StudyRow, arm: 'intervention' | 'control'): string {
  const data = study.data;
  if (data.type === 'binary') return `${data[arm].events}/${data[arm].n}`;
  if (data.type === 'continuous') {
    const a = data[arm];
    return `${formatNumber(a.mean, 1)} (SD ${formatNumber(a.sd, 1)}), n = ${a.n}`;
  }
  return `n = ${study.n[arm]}`;
}

/** The plot's numbers as a table: one row per study, the pooled rows, heterogeneity and the studies left out. */
export function forestDataTable(analysis: OutcomeAnalysis, options: ForestPlotOptions): Element {
  const { measure } = analysis;
  const name = MEASURE_NAMES[measure];
  const heading = `${name[0]!.toUpperCase()}${name.slice(1)} [95% CI]`;
  const scaleNote = analysis.studies.some((st) => st.data.type === 'continuous' && st.data.scale === 'change') ? ' Means are changes from baseline.' : '';
  const method =
    analysis.primary.kind === 'pooled'
      ? `Pooled by ${METHOD_WORDS}; study intervals are z intervals.`
      : analysis.k === 1
        ? 'One study, so nothing is pooled; its interval is a z interval.'
        : 'Study intervals are z intervals.';
  const caption = `${analysis.outcome.label}: ${options.interventionLabel.toLowerCase()} compared with ${options.comparatorLabel.toLowerCase()}. ${method}${scaleNote}`;
  const rows = analysis.studies.map((study) =>
    h('tr', [
      h('th', { scope: 'row' }, study.label),
      h('td', armCell(study, 'intervention')),
      h('td', armCell(study, 'control')),
      h('td', formatEstimate(measure, study.reader)),
      h('td', `${formatNumber(study.weight, 1)}%`),
    ]),
  );
  const totals = analysis.studies.reduce((t, st) => ({ i: t.i + st.n.intervention, c: t.c + st.n.control }), { i: 0, c: 0 });
  const pooledRow = (label: string, interval: EstimateWithInterval | undefined) =>
    h('tr', { className: ['forest-table__pooled'] }, [
      h('th', { scope: 'row' }, label),
      h('td', `n = ${totals.i}`),
      h('td', `n = ${totals.c}`),
      h('td', interval ? formatEstimate(measure, interval) : '—'),
      h('td', '100%'),
    ]);
  const foot: Element[] = [];
  if (analysis.primary.kind === 'pooled') {
    foot.push(pooledRow('Random effects (REML, Hartung–Knapp–Sidik–Jonkman)', analysis.reader.primary));
    foot.push(pooledRow('Random effects (DerSimonian–Laird)', analysis.reader.dersimonianLaird));
    foot.push(pooledRow('Fixed effect (inverse variance)', analysis.reader.fixedEffect));
    if (analysis.prediction) {
      foot.push(
        h('tr', [
          h('th', { scope: 'row' }, '95% prediction interval'),
          h('td'),
          h('td'),
          h('td', `[${formatEffect(measure, analysis.prediction.lower)}, ${formatEffect(measure, analysis.prediction.upper)}]`),
          h('td'),
        ]),
      );
    }
  }
  const notes = [heterogeneityText(analysis), testText(analysis.primary), ...analysis.excluded.map((e) => `Not pooled: ${e.label} (${e.reason}).`)].filter(
    (line): line is string => Boolean(line),
  );
  if (analysis.primary.kind === 'no-data') notes.unshift('No study reports this outcome.');
  for (const note of notes) foot.push(h('tr', [h('td', { colSpan: 5 }, note)]));
  return h('table', { className: ['forest-table'] }, [
    h('caption', caption),
    h('thead', [
      h('tr', [
        h('th', { scope: 'col' }, 'Study'),
        h('th', { scope: 'col' }, options.interventionLabel),
        h('th', { scope: 'col' }, options.comparatorLabel),
        h('th', { scope: 'col' }, heading),
        h('th', { scope: 'col' }, 'Weight'),
      ]),
    ]),
    h('tbody', rows),
    ...(foot.length ? [h('tfoot', foot)] : []),
  ]);
}
