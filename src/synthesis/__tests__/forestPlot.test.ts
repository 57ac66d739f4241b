import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { analyseDataset, analyseOutcome, type OutcomeAnalysis } from '../analyse';
import { loadDataset } from '../dataset';
import { formatEstimate } from '../format';
import { FOREST_MIN_FONT, FOREST_WIDTH, favouredSides, forestDataTable, forestPlot } from '../forestPlot';

const FILE = join(__dirname, '__fixtures__', 'datasets', 'iv-ketamine-vs-placebo.yaml');
const KEYS = ['zarate2006randomized', 'murrough2013antidepressant', 'fava2020double', 'su2017dose'];
const dataset = loadDataset(FILE, readFileSync(FILE, 'utf8'), KEYS).dataset!;
const analysis = analyseDataset(dataset);
const [response, madrs, dissociation] = analysis.outcomes as [OutcomeAnalysis, OutcomeAnalysis, OutcomeAnalysis];
const OPTIONS = { interventionLabel: 'Ketamine', comparatorLabel: 'Placebo' };

function elements(tree: Element, test: (e: Element) => boolean = () => true): Element[] {
  const found: Element[] = [];
  visit({ type: 'root', children: [tree] } as Root, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}
const classes = (e: Element) => (e.properties.className as string[] | undefined) ?? [];
const hasClass = (name: string) => (e: Element) => classes(e).includes(name);
const textOf = (e: Element): string =>
  e.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' && c.tagName !== 'title' ? textOf(c) : '')).join('');

describe('forest plot', () => {
  const svg = forestPlot(response, OPTIONS);

  it('is an SVG image named by its title and described in words', () => {
    expect(svg.tagName).toBe('svg');
    expect(svg.properties.role).toBe('img');
    const ids = svg.properties.ariaLabelledBy as string[];
    expect(ids).toEqual(['forest-iv-ketamine-vs-placebo-response-24h-title', 'forest-iv-ketamine-vs-placebo-response-24h-desc']);
    const [title, desc] = ids.map((id) => elements(svg, (e) => e.properties.id === id)[0]!);
    expect(title!.tagName).toBe('title');
    expect(textOf(title!)).toBe('Forest plot: Response at 24 hours');
    expect(desc!.tagName).toBe('desc');
    expect(textOf(desc!)).toMatch(
      /^Response at 24 hours, ketamine compared with placebo: 4 studies, 175 participants\. Pooled risk ratio 2\.35 \(95% CI 1\.28 to 4\.35\) by random effects, REML with the Hartung–Knapp–Sidik–Jonkman adjustment; favours ketamine\. I² = 0% \(95% CI 0% to \d+%\)\. 95% prediction interval .+\. Study estimates range from 2\.10 to 20\.8\.$/,
    );
  });

  it('keeps its ids unique on the page when given a prefix', () => {
    const other = forestPlot(response, { ...OPTIONS, idPrefix: 'second' });
    const idsOf = (tree: Element) => elements(tree, (e) => e.properties.id !== undefined).map((e) => String(e.properties.id));
    expect(new Set(idsOf(svg)).size).toBe(idsOf(svg).length);
    expect(idsOf(other).some((id) => idsOf(svg).includes(id))).toBe(false);
  });

  it('draws one labelled row per study with its n per arm, effect, interval and weight', () => {
    expect(elements(svg, hasClass('forest-label')).map(textOf).slice(0, 4)).toEqual(['Zarate 2006', 'Murrough 2013', 'Fava 2020', 'Su 2017']);
    expect(elements(svg, hasClass('forest-n')).map(textOf).slice(0, 8)).toEqual(['17', '14', '47', '25', '20', '19', '23', '24']);
    expect(elements(svg, hasClass('forest-square'))).toHaveLength(4);
    expect(elements(svg, hasClass('forest-weight')).map(textOf).slice(0, 4)).toEqual(response.studies.map((s) => `${s.weight.toFixed(1)}%`));
    expect(elements(svg, hasClass('forest-effect')).map(textOf)[1]).toBe(formatEstimate('RR', response.studies[1]!.reader));
  });

  it('sizes the squares by weight', () => {
    const sides = elements(svg, hasClass('forest-square')).map((e) => Number(e.properties.width));
    const heaviest = response.studies.map((s) => s.weight).indexOf(Math.max(...response.studies.map((s) => s.weight)));
    expect(Math.max(...sides)).toBe(sides[heaviest]);
  });

  it('marks an interval that runs off the axis with an arrowhead', () => {
    // Zarate 2006 has a zero cell and an upper limit above 100.
    expect(response.studies[0]!.reader.upper).toBeGreaterThan(100);
    expect(elements(svg, hasClass('forest-arrow')).length).toBeGreaterThan(0);
  });

  it('draws the pooled diamond, and the fixed-effect one only when asked', () => {
    expect(elements(svg, hasClass('forest-diamond'))).toHaveLength(1);
    expect(elements(forestPlot(response, { ...OPTIONS, showFixedEffect: true }), hasClass('forest-diamond'))).toHaveLength(2);
  });

  it('draws the prediction interval under the diamond from three studies on, and not for two', () => {
    expect(elements(svg, hasClass('forest-prediction')).length).toBeGreaterThan(0);
    const two = analyseOutcome({ ...dataset, studies: dataset.studies.slice(0, 2) }, dataset.outcomes[0]!);
    expect(elements(forestPlot(two, OPTIONS), hasClass('forest-prediction'))).toHaveLength(0);
  });

  it('puts ratios on a log axis centered on 1, with the line of no effect there', () => {
    const ticks = elements(svg, hasClass('forest-tick-label'));
    expect(ticks.map(textOf)).toEqual(['0.01', '0.1', '1', '10', '100']);
    const x = (label: string) => Number(ticks.find((t) => textOf(t) === label)!.properties.x);
    expect(x('10') - x('1')).toBeCloseTo(x('1') - x('0.1'), 5);
    expect(Number(elements(svg, hasClass('forest-null'))[0]!.properties.x1)).toBeCloseTo(x('1'), 5);
    expect(textOf(elements(svg, hasClass('forest-axis-title'))[0]!)).toBe('Risk ratio (log scale)');
  });

  it('puts differences on a linear axis centered on 0', () => {
    const ticks = elements(forestPlot(madrs, OPTIONS), hasClass('forest-tick-label')).map(textOf);
    expect(ticks).toEqual(['\u221220', '\u221210', '0', '10', '20']);
  });

  it('labels a linear axis with short, nice ticks', () => {
    const rd = analyseOutcome(dataset, { ...dataset.outcomes[0]!, measure: 'RD' });
    expect(elements(forestPlot(rd, OPTIONS), hasClass('forest-tick-label')).map(textOf)).toEqual(['\u22122', '\u22121', '0', '1', '2']);
  });

  it('puts "Favours" on the side that is good for patients', () => {
    const favours = (tree: Element) => elements(tree, hasClass('forest-favours')).map(textOf);
    // Response: more is better, so ratios above 1 favour ketamine.
    expect(favours(svg)).toEqual(['Favours placebo', 'Favours ketamine']);
    // Depression score and dissociation: less is better, so values below no effect favour ketamine.
    expect(favours(forestPlot(madrs, OPTIONS))).toEqual(['Favours ketamine', 'Favours placebo']);
    expect(favours(forestPlot(dissociation, OPTIONS))).toEqual(['Favours ketamine', 'Favours placebo']);
    expect(favouredSides('higher', OPTIONS)).toEqual({ left: 'Favours placebo', right: 'Favours ketamine' });
  });

  it('scales from a 640-wide viewBox with no text under 11 px', () => {
    expect(String(svg.properties.viewBox).split(' ').slice(0, 3)).toEqual(['0', '0', String(FOREST_WIDTH)]);
    const sizes = elements(svg, (e) => e.tagName === 'text').map((e) => Number(e.properties.fontSize));
    expect(sizes.every((size) => size >= FOREST_MIN_FONT)).toBe(true);
  });

  it('leaves color to CSS classes prefixed forest-', () => {
    const painted = elements(svg, (e) => e.properties.fill !== undefined || e.properties.stroke !== undefined);
    expect(painted.every((e) => [e.properties.fill, e.properties.stroke].every((c) => c === undefined || c === 'currentColor'))).toBe(true);
    const names = elements(svg).flatMap(classes);
    expect(names.length).toBeGreaterThan(20);
    expect(names.every((name) => name.startsWith('forest-'))).toBe(true);
  });

  it('needs no script and serializes to plain SVG', () => {
    const html = toHtml(svg);
    expect(html).not.toMatch(/<script|\son\w+=/);
    expect(html.startsWith('<svg viewBox="0 0 640 ')).toBe(true);
  });

  it('explains an outcome with no study instead of failing', () => {
    const empty = analyseOutcome({ ...dataset, studies: [] }, dataset.outcomes[0]!);
    const plot = forestPlot(empty, OPTIONS);
    expect(textOf(elements(plot, (e) => e.tagName === 'desc')[0]!)).toBe(
      'Response at 24 hours, ketamine compared with placebo: no study reports this outcome.',
    );
    expect(elements(plot, hasClass('forest-note')).map(textOf)).toEqual(['No study reports this outcome']);
  });
});

describe('forest plot data table', () => {
  const table = forestDataTable(response, OPTIONS);
  const rows = elements(table, (e) => e.tagName === 'tr');

  it('gives a row per study with the arm data, effect and weight of the plot', () => {
    const cells = rows.slice(1, 5).map((row) =>
      elements(row, (e) => e.tagName === 'td' || e.tagName === 'th')
        .slice(1)
        .map(textOf),
    );
    expect(cells[0]).toEqual(['12/17', '0/14', formatEstimate('RR', response.studies[0]!.reader), `${response.studies[0]!.weight.toFixed(1)}%`]);
    expect(cells[3]![0]).toBe('n = 23');
  });

  it('names its columns and rows for screen readers', () => {
    const headers = elements(table, (e) => e.tagName === 'th');
    expect(headers.slice(0, 5).map((th) => [th.properties.scope, textOf(th)])).toEqual([
      ['col', 'Study'],
      ['col', 'Ketamine'],
      ['col', 'Placebo'],
      ['col', 'Risk ratio [95% CI]'],
      ['col', 'Weight'],
    ]);
    expect(textOf(elements(table, (e) => e.tagName === 'caption')[0]!)).toContain('Response at 24 hours: ketamine compared with placebo.');
  });

  it('ends with the pooled rows, the prediction interval and heterogeneity', () => {
    const foot = elements(elements(table, (e) => e.tagName === 'tfoot')[0]!, (e) => e.tagName === 'tr').map(textOf);
    expect(foot[0]).toContain(formatEstimate('RR', response.reader.primary!));
    expect(foot.some((row) => row.startsWith('95% prediction interval'))).toBe(true);
    expect(foot.some((row) => row.startsWith('Heterogeneity: τ² = '))).toBe(true);
    expect(foot.some((row) => row.startsWith('Test for overall effect: t = '))).toBe(true);
  });

  it('shows means and SDs for continuous data', () => {
    const cells = elements(forestDataTable(madrs, OPTIONS), (e) => e.tagName === 'td').map(textOf);
    expect(cells[0]).toBe('16.1 (SD 9.2), n = 17');
  });
});
