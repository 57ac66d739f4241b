/**
 * The trial data as downloads: CSV for spreadsheets and R, JSON for code.
 * One row per study result, with the comparison, outcome, study, reference
 * key, arm data and where in the source each number was read, so anyone
 * can check a number against its paper or redo the analysis.
 *
 * Numbers are written in full (JavaScript's shortest exact form), never
 * rounded for display. The CSV follows RFC 4180: comma-separated, CRLF line
 * ends, and a field quoted when it holds a comma, a double quote or a line
 * break, with quotes inside doubled.
 */
import type { TrialDataset, TrialOutcome, TrialResult, TrialStudy } from './dataset';

export const EXPORT_COLUMNS = [
  'comparison_id',
  'comparison_title',
  'outcome_id',
  'outcome_label',
  'outcome_kind',
  'measure',
  'time_point',
  'study_id',
  'study_label',
  'reference',
  'design',
  'data_type',
  'intervention_events',
  'intervention_mean',
  'intervention_sd',
  'intervention_n',
  'control_events',
  'control_mean',
  'control_sd',
  'control_n',
  'reported_measure',
  'reported_estimate',
  'reported_ci_lower',
  'reported_ci_upper',
  'source_location',
  'source_quote',
  'source_derived',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
/** A cell: text, a number, or null when the column does not apply to the row. */
export type ExportRow = Readonly<Record<ExportColumn, string | number | null>>;

function resultRow(dataset: TrialDataset, outcome: TrialOutcome | undefined, study: TrialStudy, result: TrialResult): ExportRow {
  const data = result.data;
  const arms = data.type === 'reported' ? undefined : data;
  const events = (arm: 'intervention' | 'control') => (data.type === 'binary' ? data[arm].events : null);
  const mean = (arm: 'intervention' | 'control') => (data.type === 'continuous' ? data[arm].mean : null);
  const sd = (arm: 'intervention' | 'control') => (data.type === 'continuous' ? data[arm].sd : null);
  return {
    comparison_id: dataset.id,
    comparison_title: dataset.title,
    outcome_id: result.outcome,
    outcome_label: outcome?.label ?? null,
    outcome_kind: outcome?.kind ?? null,
    measure: outcome?.measure ?? null,
    time_point: outcome?.timePoint ?? null,
    study_id: study.id,
    study_label: study.label,
    reference: study.reference,
    design: study.design,
    data_type: data.type === 'continuous' ? `continuous-${data.scale}` : data.type,
    intervention_events: events('intervention'),
    intervention_mean: mean('intervention'),
    intervention_sd: sd('intervention'),
    intervention_n: arms ? arms.intervention.n : data.type === 'reported' ? data.nIntervention : null,
    control_events: events('control'),
    control_mean: mean('control'),
    control_sd: sd('control'),
    control_n: arms ? arms.control.n : data.type === 'reported' ? data.nControl : null,
    reported_measure: data.type === 'reported' ? data.measure : null,
    reported_estimate: data.type === 'reported' ? data.estimate : null,
    reported_ci_lower: data.type === 'reported' ? data.ci[0] : null,
    reported_ci_upper: data.type === 'reported' ? data.ci[1] : null,
    source_location: result.source.location,
    source_quote: result.source.quote,
    source_derived: result.source.derived ?? null,
  };
}

/** Every study result of every dataset, in file order: comparison, then study, then result. */
export function exportRows(datasets: readonly TrialDataset[]): ExportRow[] {
  return datasets.flatMap((dataset) =>
    dataset.studies.flatMap((study) =>
      study.results.map((result) =>
        resultRow(
          dataset,
          dataset.outcomes.find((o) => o.id === result.outcome),
          study,
          result,
        ),
      ),
    ),
  );
}

/** One CSV field, quoted only when RFC 4180 requires it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  // A text cell that a spreadsheet would read as a formula (=, +, @, a tab, or - before a non-digit) is
  // prefixed with an apostrophe (OWASP's advice for CSV injection); numbers, negative ones included, are kept.
  const text = typeof value === 'number' ? String(value) : /^([=+@\t\r]|-(?![\d.]))/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(datasets: readonly TrialDataset[]): string {
  const lines = [EXPORT_COLUMNS.join(','), ...exportRows(datasets).map((row) => EXPORT_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The JSON download: the comparisons with their questions and outcomes, and the same rows as the CSV. */
export function toJson(datasets: readonly TrialDataset[]): string {
  const comparisons = datasets.map((d) => ({
    id: d.id,
    title: d.title,
    question: d.question,
    eligibility: d.eligibility,
    searched: d.searched,
    outcomes: d.outcomes.map((o) => ({
      id: o.id,
      label: o.label,
      kind: o.kind,
      measure: o.measure,
      definition: o.definition,
      time_point: o.timePoint,
      good: o.good,
      certainty: o.grade.certainty,
      grade_domains: o.grade.domains,
    })),
  }));
  return `${JSON.stringify({ columns: EXPORT_COLUMNS, comparisons, rows: exportRows(datasets) }, null, 2)}\n`;
}
