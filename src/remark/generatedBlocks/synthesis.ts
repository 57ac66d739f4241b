/**
 * `::synthesis{dataset="…"}`: a comparison's Cochrane-style summary of
 * findings, computed at build time from the trial dataset
 * (src/data/trials/<dataset>.yaml, or the edition's snapshot of it), with a
 * forest plot and its data table for each outcome. No pooled number is
 * typed into a page: every figure here comes from `analyseDataset`.
 *
 * The table gives, per outcome: the relative effect with its 95% CI, the
 * absolute effect per 1,000 people at the assumed comparator risk (or the
 * mean difference), the number needed to treat, participants and studies,
 * the GRADE certainty with a footnote for each domain that moved it, and
 * the studies as numbered citations.
 */
import type { PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { SiteIndex } from '../../content/contentIndex';
import { formatDate } from '../../citations/format';
import type { DatasetAnalysis, OutcomeAnalysis } from '../../synthesis/analyse';
import { MEASURE_NAMES, isBinaryMeasure } from '../../synthesis/effects';
import { forestDataTable, forestPlot } from '../../synthesis/forestPlot';
import { formatEstimate, formatInterval, formatEffect, formatPercent } from '../../synthesis/format';
import { block, cite, hastBlock, heading, text } from '../shared/nodes';
import type { BlockContext, DataBlock } from './data';
import { labelNode } from './helpers';

export const SOF_COLUMNS = [
  'Outcome',
  'Relative effect (95% CI)',
  'Absolute effect',
  'Number needed to treat',
  'Participants (studies)',
  'Certainty',
  'Studies',
] as const;
const FOOTNOTE_MARKS = 'abcdefghijklmnopqrstuvwxyz';

/** The published data of a comparison, by edition: the CSV and JSON the build writes. */
export const trialDataPath = (version: string, datasetId: string, format: 'csv' | 'json') =>
  `/data/${version === 'current' ? 'next' : version}/trials/${datasetId}.${format}`;

const cell = (children: PhrasingContent[], label: string): TableCell => ({ type: 'tableCell', children, data: { hProperties: { dataLabel: label } } });

function relativeEffect(analysis: OutcomeAnalysis): string {
  const pooled = analysis.reader.primary;
  if (analysis.primary.kind === 'no-data') return 'No study reports this outcome';
  if (!pooled) return 'Not estimable';
  const single = analysis.primary.kind === 'single-study' ? '; one study, not pooled' : '';
  return `${analysis.measure} ${formatEffect(analysis.measure, pooled.estimate)} (${formatInterval(analysis.measure, pooled.lower, pooled.upper)})${single}`;
}

function absoluteEffect(analysis: OutcomeAnalysis): string {
  const absolute = analysis.absolute;
  if (!absolute) return '—';
  if (absolute.kind === 'continuous') return absolute.text;
  const { assumed, corresponding } = absolute.perThousand;
  const n = (value: number) => value.toLocaleString('en-US');
  return `${n(assumed)} per 1,000 with the comparator; ${n(corresponding.estimate)} per 1,000 (${n(corresponding.lower)} to ${n(corresponding.upper)}) with the intervention: ${absolute.text}`;
}

function participants(analysis: OutcomeAnalysis): string {
  return `${analysis.participants.toLocaleString('en-US')} (${analysis.k} ${analysis.k === 1 ? 'study' : 'studies'})`;
}

/** Letters for the certainty footnotes of every outcome, in table order. */
function footnoteMarks(analyses: readonly OutcomeAnalysis[]): Map<OutcomeAnalysis, string[]> {
  let next = 0;
  return new Map(analyses.map((analysis) => [analysis, analysis.certainty.footnotes.map(() => FOOTNOTE_MARKS[next++] ?? String(next))]));
}

function findingsTable(analysis: DatasetAnalysis, marks: Map<OutcomeAnalysis, string[]>, references: (key: string) => string): Table {
  const header: TableRow = { type: 'tableRow', children: SOF_COLUMNS.map((name) => ({ type: 'tableCell', children: [text(name)] })) };
  const rows = analysis.outcomes.map((outcome): TableRow => {
    const keys = [...new Set(outcome.studies.map((study) => references(study.reference)))];
    const letters = marks.get(outcome) ?? [];
    return {
      type: 'tableRow',
      children: [
        cell(
          [{ type: 'strong', children: [text(outcome.outcome.label)] }, text(`. ${outcome.outcome.definition}; ${outcome.outcome.timePoint}.`)],
          SOF_COLUMNS[0],
        ),
        cell([text(relativeEffect(outcome))], SOF_COLUMNS[1]),
        cell([text(absoluteEffect(outcome))], SOF_COLUMNS[2]),
        cell([text(outcome.absolute?.kind === 'binary' && isBinaryMeasure(outcome.measure) ? outcome.absolute.nnt.text : '—')], SOF_COLUMNS[3]),
        cell([text(participants(outcome))], SOF_COLUMNS[4]),
        cell(
          [
            labelNode(outcome.certainty.level),
            ...(letters.length
              ? [
                  {
                    type: 'emphasis' as const,
                    children: [text(` ${letters.join(' ')}`)],
                    data: { hName: 'sup', hProperties: { className: ['findings__footnote-mark'] } },
                  },
                ]
              : []),
          ],
          SOF_COLUMNS[5],
        ),
        cell(keys.length ? [cite(keys)] : [text('—')], SOF_COLUMNS[6]),
      ],
    };
  });
  return { type: 'table', align: SOF_COLUMNS.map(() => null), children: [header, ...rows] };
}

function outcomeText(outcome: OutcomeAnalysis): string {
  const parts: string[] = [];
  const pooled = outcome.reader.primary;
  if (outcome.primary.kind === 'pooled' && pooled) {
    parts.push(
      `Pooled ${MEASURE_NAMES[outcome.measure]} ${formatEstimate(outcome.measure, pooled)} from ${outcome.k} studies (random effects, REML with the Hartung–Knapp–Sidik–Jonkman adjustment).`,
    );
    if (outcome.heterogeneity)
      parts.push(
        `Heterogeneity: I² ${formatPercent(outcome.heterogeneity.i2)}${outcome.heterogeneity.interval ? ` (95% CI ${formatPercent(outcome.heterogeneity.interval.i2.lower)} to ${formatPercent(outcome.heterogeneity.interval.i2.upper)})` : ''}, τ² ${outcome.heterogeneity.tau2.toPrecision(2)}.`,
      );
    if (outcome.prediction)
      parts.push(
        `In a new setting like these trials, the effect would be expected between ${formatInterval(outcome.measure, outcome.prediction.lower, outcome.prediction.upper)} (95% prediction interval).`,
      );
    const loo = outcome.leaveOneOut.map((row) => row.reader?.estimate).filter((value): value is number => value !== undefined);
    if (loo.length > 1)
      parts.push(
        `Leaving out one study at a time, the estimate ranged from ${formatEffect(outcome.measure, Math.min(...loo))} to ${formatEffect(outcome.measure, Math.max(...loo))}.`,
      );
  } else if (outcome.primary.kind === 'single-study' && pooled) {
    parts.push(`One study: ${MEASURE_NAMES[outcome.measure]} ${formatEstimate(outcome.measure, pooled)}; nothing is pooled.`);
  } else parts.push('No study in the dataset reports this outcome.');
  return parts.join(' ');
}

function render({ site, page, root, attributes }: BlockContext): RootContent[] {
  const entry = site.syntheses.get(root.version)?.get(attributes.dataset ?? '');
  if (!entry) return [];
  const { dataset, analysis } = entry;
  const references = (key: string) => site.bibliography.references.get(key)?.key ?? key;
  const marks = footnoteMarks(analysis.outcomes);
  const id = `synthesis-${dataset.id}`;
  const nodes: RootContent[] = [
    {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [text('Question: ')] },
        text(`${dataset.question.population}; ${dataset.question.intervention} compared with ${dataset.question.comparator}. `),
        { type: 'strong', children: [text('Trials included: ')] },
        text(`${dataset.eligibility} Literature searched ${formatDate(dataset.searched)}. `),
        text('Data: '),
        { type: 'link', url: `pathname://${trialDataPath(root.version, dataset.id, 'csv')}`, children: [text('CSV')] },
        text(' · '),
        { type: 'link', url: `pathname://${trialDataPath(root.version, dataset.id, 'json')}`, children: [text('JSON')] },
        text(' (every number with the place in its source it was read from).'),
      ],
    },
    block('div', { className: ['findings', 'findings--synthesis'], role: 'region', ariaLabel: `Summary of findings: ${dataset.title}`, tabIndex: 0, id }, [
      findingsTable(analysis, marks, references),
    ]),
  ];
  const footnotes = analysis.outcomes.flatMap((outcome) => outcome.certainty.footnotes.map((note, i) => ({ mark: marks.get(outcome)![i]!, text: note.text })));
  if (footnotes.length) {
    nodes.push({
      type: 'list',
      ordered: false,
      spread: false,
      data: { hProperties: { className: ['findings__footnotes'] } },
      children: footnotes.map((note) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [text(note.mark)] }, text(` ${note.text}`)] }],
      })),
    });
  }
  nodes.push({
    type: 'paragraph',
    children: [
      text(
        'Absolute effects apply the relative effect (pooled where two or more studies report the outcome, otherwise the one study’s own) to the median risk in the comparator arms of these trials; numbers needed to treat are rounded up. Methods: ',
      ),
      { type: 'link', url: relativeTo(page.docPath, 'methods/how-we-grade-evidence.md', 'synthesis'), children: [text('how the numbers are computed')] },
      text('.'),
    ],
    data: { hProperties: { className: ['findings__note'] } },
  });
  for (const outcome of analysis.outcomes) {
    const options = {
      interventionLabel: dataset.labels.intervention,
      comparatorLabel: dataset.labels.comparator,
      idPrefix: `forest-${dataset.id}-${outcome.outcome.id}`,
    };
    nodes.push(heading(4, `${outcome.outcome.label}: forest plot`, `forest-${dataset.id}-${outcome.outcome.id}`));
    nodes.push({ type: 'paragraph', children: [text(outcomeText(outcome))] });
    if (outcome.studies.length > 0) {
      nodes.push(hastBlock('figure', { className: ['forest'] }, [forestPlot(outcome, options)]));
      nodes.push(
        hastBlock('div', { className: ['forest__table'], role: 'region', ariaLabel: `Data behind the forest plot: ${outcome.outcome.label}`, tabIndex: 0 }, [
          forestDataTable(outcome, options),
        ]),
      );
    }
  }
  return nodes;
}

/** A relative link from a page to another doc of the same edition, with an anchor. */
function relativeTo(fromDocPath: string, toDocPath: string, anchor: string): string {
  const depth = fromDocPath.split('/').length - 1;
  return `${depth ? '../'.repeat(depth) : './'}${toDocPath}#${anchor}`;
}

export const synthesisBlock: DataBlock = {
  description: 'a comparison’s summary of findings and forest plots, computed from its trial dataset (`{dataset="id"}`)',
  check(site: Partial<SiteIndex>, attributes) {
    const unknown = Object.keys(attributes).filter((key) => key !== 'dataset');
    if (unknown.length) return `remove ${unknown.map((k) => `\`${k}\``).join(', ')} (this block takes \`dataset\`)`;
    const ids = new Set([...(site.syntheses?.values() ?? [])].flatMap((byId) => [...byId.keys()]));
    if (!attributes.dataset)
      return `name the comparison: \`::synthesis{dataset="…"}\`, one of ${[...ids].join(', ') || '(none yet: add a file to src/data/trials/)'}`;
    if (site.syntheses && !ids.has(attributes.dataset))
      return `there is no trial dataset \`${attributes.dataset}\`: use one of ${[...ids].join(', ') || '(none)'}, or add src/data/trials/${attributes.dataset}.yaml`;
    return undefined;
  },
  render,
};
