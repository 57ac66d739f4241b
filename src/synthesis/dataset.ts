/**
 * The trial dataset: one YAML file per comparison (see
 * src/data/trials/README.md, the contract with the people who write them).
 *
 * `loadDataset` checks a file in two passes and never throws. The zod
 * schema checks the shape: required fields, types, whole numbers, allowed
 * values, unknown fields. The rules that compare values (events against n,
 * n against the number randomized, an interval against its estimate, a
 * result against the outcome it names, a key against the bibliography) run
 * on every part that has the right shape, so one broken study does not hide
 * the mistakes in the others. Every problem names the line of the value it
 * is about and says what to change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { suggestKey } from '../citations/bibliography';
import type { Problem } from '../content/problems';
import { LABEL_LEVELS } from '../evidence/levels';
import { MEASURE_NAMES, isRatioMeasure, measureKind, type BinaryArm, type ContinuousArm, type Measure, type OutcomeKind } from './effects';
import {
  ID,
  QUOTE_MAX,
  README,
  TRIAL_RULES,
  UPGRADE_DOMAINS,
  datasetHeaderSchema,
  outcomeSchema,
  recordAt,
  reportIssue,
  resultSchema,
  studyHeaderSchema,
  trialDatasetSchema,
  type GradeDomain,
  type GradedCertainty,
  type RawArm,
  type RawOutcome,
  type RawResult,
  type RawStudyHeader,
} from './datasetSchema';
import { MAX_ALIAS_COUNT, parseYaml, type DataPath, type ParsedYaml } from './yamlPositions';

export { GRADE_DOMAINS, GRADE_DOMAIN_LABELS, TRIAL_RULES, trialDatasetSchema, type GradeDomain, type GradedCertainty } from './datasetSchema';

// ---------------------------------------------------------------------------
// The checked model that analyses read.

export interface TrialSource {
  readonly location: string;
  readonly quote: string;
  /** How a computed number was derived, e.g. "SD = SE × √n". */
  readonly derived?: string;
}

export interface GradeRating {
  readonly domain: GradeDomain;
  readonly change: -2 | -1 | 1 | 2;
  readonly reason: string;
}

export interface TrialOutcome {
  readonly id: string;
  readonly label: string;
  readonly kind: OutcomeKind;
  readonly measure: Measure;
  readonly definition: string;
  readonly timePoint: string;
  /** Is a higher rate or score good for the patient? */
  readonly good: 'higher' | 'lower';
  readonly grade: { readonly certainty: GradedCertainty; readonly domains: readonly GradeRating[] };
  readonly line: number;
}

export type TrialResultData =
  | { readonly type: 'binary'; readonly intervention: BinaryArm; readonly control: BinaryArm }
  | {
      readonly type: 'continuous';
      /** Final values, or changes from baseline. */
      readonly scale: 'final' | 'change';
      readonly intervention: ContinuousArm;
      readonly control: ContinuousArm;
    }
  | {
      readonly type: 'reported';
      readonly measure: Measure;
      readonly estimate: number;
      /** The 95% confidence interval on the reader's scale. */
      readonly ci: readonly [number, number];
      readonly nIntervention: number;
      readonly nControl: number;
    };

export interface TrialResult {
  readonly outcome: string;
  readonly data: TrialResultData;
  readonly source: TrialSource;
  readonly line: number;
}

export interface TrialStudy {
  readonly id: string;
  readonly label: string;
  readonly reference: string;
  readonly design: 'parallel' | 'crossover';
  readonly population: string;
  readonly intervention: string;
  readonly comparator: string;
  readonly randomized: { readonly intervention: number; readonly control: number };
  readonly randomizedSource: TrialSource;
  readonly results: readonly TrialResult[];
  readonly line: number;
}

export interface TrialDataset {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly question: { readonly population: string; readonly intervention: string; readonly comparator: string };
  /** Short names of the two arms, for plots and table headings. */
  readonly labels: { readonly intervention: string; readonly comparator: string };
  readonly eligibility: string;
  /** The date the literature was last searched, YYYY-MM-DD. */
  readonly searched: string;
  readonly outcomes: readonly TrialOutcome[];
  readonly studies: readonly TrialStudy[];
}

export interface DatasetLoad {
  /** Present only when no problem is an error. */
  readonly dataset?: TrialDataset;
  readonly problems: Problem[];
}

export interface LoadOptions {
  /** Dates after this are refused (the search date cannot be in the future). */
  readonly today?: Date;
}

// ---------------------------------------------------------------------------
// Loading.

class Reporter {
  readonly problems: Problem[] = [];
  constructor(
    private readonly file: string,
    private readonly yaml: ParsedYaml,
  ) {}

  at(path: DataPath, ruleId: string, message: string, severity?: 'warning'): void {
    this.push(this.yaml.positionOf(path), ruleId, message, severity);
  }

  atKey(path: DataPath, key: string, ruleId: string, message: string): void {
    this.push(this.yaml.positionOfKey(path, key), ruleId, message);
  }

  lineOf(path: DataPath): number {
    return this.yaml.positionOf(path).line;
  }

  private push(position: { line: number; column: number }, ruleId: string, message: string, severity?: 'warning'): void {
    this.problems.push({ file: this.file, ...position, ruleId, message, ...(severity ? { severity } : {}) });
  }
}

const isRealDate = (value: string): boolean => {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const codeList = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

/** Turns a result with the right shape into its data, or reports why it cannot be read. */
function readResultData(report: Reporter, path: DataPath, where: string, result: RawResult, outcome: RawOutcome | undefined): TrialResultData | undefined {
  const hasArms = result.intervention !== undefined || result.control !== undefined;
  if (result.reported && hasArms) {
    report.at(path, TRIAL_RULES.invalid, `${where} gives both arm data and \`reported\`: keep one (arm data when the paper gives it)`);
    return undefined;
  }
  if (result.reported) {
    const r = result.reported;
    const reportedPath = [...path, 'reported'];
    let ok = true;
    const [lower, upper] = r.ci;
    if (isRatioMeasure(r.measure) && !(r.estimate > 0 && lower > 0 && upper > 0)) {
      report.at(
        reportedPath,
        TRIAL_RULES.invalid,
        `the ${r.measure} of ${where} and its confidence limits must be greater than 0 (a ratio cannot be 0 or negative): check the numbers against the source`,
      );
      ok = false;
    } else if (!(lower < upper)) {
      report.at(
        [...reportedPath, 'ci'],
        TRIAL_RULES.invalid,
        `the 95% CI [${lower}, ${upper}] of ${where} must be written [lower, upper] with two different limits: check the order and the numbers against the source`,
      );
      ok = false;
    } else if (r.estimate < lower || r.estimate > upper) {
      report.at(
        [...reportedPath, 'ci'],
        TRIAL_RULES.invalid,
        `the 95% CI [${lower}, ${upper}] of ${where} does not contain its estimate (${r.estimate}): check the numbers against the source`,
      );
      ok = false;
    }
    if (outcome && measureKind(r.measure) !== outcome.kind) {
      report.at(
        [...reportedPath, 'measure'],
        TRIAL_RULES.invalid,
        `${where} is reported as ${r.measure} (${MEASURE_NAMES[r.measure]}), but the outcome is ${outcome.kind}: use ${outcome.kind === 'binary' ? 'RR, OR or RD' : 'MD or SMD'}, or name the right outcome`,
      );
      ok = false;
    } else if (outcome && r.measure !== outcome.measure) {
      report.at(
        [...reportedPath, 'measure'],
        TRIAL_RULES.notPooled,
        `${where} is reported as ${r.measure}, but the outcome pools ${outcome.measure}: the study is left out of the pooled analysis; give arm data or ${outcome.measure} if the source reports them`,
        'warning',
      );
    }
    return ok
      ? { type: 'reported', measure: r.measure, estimate: r.estimate, ci: [lower, upper], nIntervention: r.n_intervention, nControl: r.n_control }
      : undefined;
  }
  if (!result.intervention || !result.control) {
    const missing = result.intervention ? 'control' : result.control ? 'intervention' : undefined;
    report.at(
      path,
      TRIAL_RULES.invalid,
      missing
        ? `add \`${missing}\` to ${where}: the data of each arm`
        : `add the data to ${where}: \`intervention\` and \`control\` arms, or the effect as \`reported\` (see ${README})`,
    );
    return undefined;
  }
  const arms = { intervention: result.intervention, control: result.control };
  const fieldsGiven = (arm: RawArm) => (['events', 'mean', 'sd', 'change_mean', 'change_sd'] as const).filter((key) => arm[key] !== undefined);
  const kind = outcome?.kind;
  if (kind === 'binary') {
    let ok = true;
    for (const [arm, data] of Object.entries(arms)) {
      const extra = fieldsGiven(data).filter((key) => key !== 'events');
      if (data.events === undefined || extra.length > 0) {
        report.at(
          [...path, arm],
          TRIAL_RULES.invalid,
          `\`${arm}\` in ${where} ${extra.length ? `gives ${codeList(extra)}` : 'has no `events`'}, but the outcome is binary: give \`events\` and \`n\` for each arm`,
        );
        ok = false;
      } else if (data.events > data.n) {
        report.at(
          [...path, arm, 'events'],
          TRIAL_RULES.invalid,
          `\`events\` (${data.events}) is larger than \`n\` (${data.n}) in the ${arm} arm of ${where}: correct the count from the source`,
        );
        ok = false;
      }
    }
    return ok
      ? {
          type: 'binary',
          intervention: { events: arms.intervention.events!, n: arms.intervention.n },
          control: { events: arms.control.events!, n: arms.control.n },
        }
      : undefined;
  }
  if (kind === 'continuous') {
    const scaleOf = (data: RawArm): 'final' | 'change' | undefined => {
      const given = fieldsGiven(data);
      if (given.length === 2 && data.mean !== undefined && data.sd !== undefined) return 'final';
      if (given.length === 2 && data.change_mean !== undefined && data.change_sd !== undefined) return 'change';
      return undefined;
    };
    const scales = { intervention: scaleOf(arms.intervention), control: scaleOf(arms.control) };
    for (const [arm, scale] of Object.entries(scales)) {
      if (!scale) {
        const found = fieldsGiven(arms[arm as keyof typeof arms]);
        report.at(
          [...path, arm],
          TRIAL_RULES.invalid,
          `\`${arm}\` in ${where} gives ${found.length ? codeList(found) : 'only `n`'}, but the outcome is continuous: give \`mean\` and \`sd\`, or \`change_mean\` and \`change_sd\`, with \`n\` for each arm`,
        );
      }
    }
    if (!scales.intervention || !scales.control) return undefined;
    if (scales.intervention !== scales.control) {
      report.at(path, TRIAL_RULES.invalid, `${where} gives final values for one arm and changes from baseline for the other: use the same kind for both arms`);
      return undefined;
    }
    const arm = (data: RawArm): ContinuousArm =>
      scales.intervention === 'final' ? { mean: data.mean!, sd: data.sd!, n: data.n } : { mean: data.change_mean!, sd: data.change_sd!, n: data.n };
    return { type: 'continuous', scale: scales.intervention, intervention: arm(arms.intervention), control: arm(arms.control) };
  }
  return undefined;
}

/** Certainty implied by the domain changes, starting from high for randomized trials. */
function impliedCertainty(domains: RawOutcome['grade']['domains']): GradedCertainty {
  const score = Math.min(4, Math.max(1, 4 + domains.reduce((total, d) => total + d.change, 0)));
  return (['very-low', 'low', 'moderate', 'high'] as const)[score - 1]!;
}

const toSource = (raw: { location: string; quote: string; derived?: string | undefined }): TrialSource => ({
  location: raw.location,
  quote: raw.quote,
  ...(raw.derived ? { derived: raw.derived } : {}),
});

const arrayAt = (value: unknown, key: string): unknown[] => {
  const items = recordAt(value, key);
  return Array.isArray(items) ? items : [];
};

/** The file's own fields that need more than a shape: its id against its name, and the search date. */
function checkFileFields(report: Reporter, root: unknown, file: string, options: LoadOptions): void {
  // These read the raw values so they are checked even when another field is broken.
  const expectedId = basename(file, extname(file));
  const fileId = recordAt(root, 'id');
  if (typeof fileId === 'string' && ID.test(fileId) && fileId !== expectedId) {
    report.at(['id'], TRIAL_RULES.invalid, `\`id\` (${fileId}) must be the file name without .yaml (${expectedId}): rename the file or correct the id`);
  }
  const searched = recordAt(root, 'searched');
  if (typeof searched !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(searched)) return;
  if (!isRealDate(searched)) {
    report.at(
      ['searched'],
      TRIAL_RULES.invalid,
      `\`searched\` (${searched}) is not a date in the calendar: write the real date of the last search, YYYY-MM-DD`,
    );
  } else if (options.today && Date.parse(searched) > options.today.getTime()) {
    report.at(['searched'], TRIAL_RULES.invalid, `\`searched\` (${searched}) is in the future: write the date the literature was last searched`);
  }
}

interface CheckedOutcomes {
  /** Outcomes with a valid shape, by id, with their position in the file. */
  readonly valid: ReadonlyMap<string, { readonly raw: RawOutcome; readonly index: number }>;
  /** Every id the file defines, valid or not, so a result naming a broken outcome is not also called unknown. */
  readonly ids: readonly string[];
}

function checkOutcomes(report: Reporter, rawOutcomes: readonly unknown[]): CheckedOutcomes {
  const valid = new Map<string, { raw: RawOutcome; index: number }>();
  const firstLine = new Map<string, number>();
  rawOutcomes.forEach((value, index) => {
    const id = recordAt(value, 'id');
    if (typeof id === 'string') {
      const first = firstLine.get(id);
      if (first !== undefined) {
        report.at(
          ['outcomes', index, 'id'],
          TRIAL_RULES.duplicateId,
          `outcome id \`${id}\` is used twice (first at line ${first}): give each outcome its own id`,
        );
        return;
      }
      firstLine.set(id, report.lineOf(['outcomes', index, 'id']));
    }
    const parsed = outcomeSchema.safeParse(value);
    if (!parsed.success) return;
    const outcome = parsed.data;
    valid.set(outcome.id, { raw: outcome, index });
    if (measureKind(outcome.measure) !== outcome.kind) {
      report.at(
        ['outcomes', index, 'measure'],
        TRIAL_RULES.invalid,
        `outcome ${outcome.id} is ${outcome.kind}, but the ${outcome.measure} (${MEASURE_NAMES[outcome.measure]}) is for ${measureKind(outcome.measure)} outcomes: use ${outcome.kind === 'binary' ? 'RR, OR or RD' : 'MD or SMD'}, or correct \`kind\``,
      );
    }
    outcome.grade.domains.forEach((rating, d) => {
      const raises = UPGRADE_DOMAINS.includes(rating.domain);
      if (raises !== rating.change > 0) {
        report.at(
          ['outcomes', index, 'grade', 'domains', d, 'change'],
          TRIAL_RULES.invalid,
          `\`${rating.domain}\` can only ${raises ? 'raise' : 'lower'} certainty, but its change in outcome ${outcome.id} is ${rating.change > 0 ? '+' : ''}${rating.change}: use ${raises ? '1 or 2' : '-1 or -2'}`,
        );
      }
    });
    const implied = impliedCertainty(outcome.grade.domains);
    if (implied !== outcome.grade.certainty) {
      report.at(
        ['outcomes', index, 'grade', 'certainty'],
        TRIAL_RULES.gradeInconsistent,
        `outcome ${outcome.id} is rated ${outcome.grade.certainty}, but starting from high for randomized trials its domain changes give ${implied}: correct the certainty or list the domain that explains it`,
        'warning',
      );
    }
  });
  return { valid, ids: [...firstLine.keys()] };
}

/** What the results of one outcome have shown so far: the first study's kind of continuous value. */
type ScalesSeen = Map<string, { scale: 'final' | 'change'; studyName: string; line: number }>;

interface StudyContext {
  readonly path: DataPath;
  readonly name: string;
  /** The study's header, when its shape is valid. */
  readonly header?: RawStudyHeader;
}

/** Checks one result against its outcome and its study; returns it when it can be read. */
function checkResult(
  report: Reporter,
  study: StudyContext,
  index: number,
  rawResult: unknown,
  outcomes: CheckedOutcomes,
  seen: { outcomes: Map<string, number>; scales: ScalesSeen },
): TrialResult | undefined {
  const path = [...study.path, 'results', index];
  const parsed = resultSchema.safeParse(rawResult);
  if (!parsed.success) return undefined;
  const result = parsed.data;
  const where = `${study.name}, outcome ${result.outcome}`;
  if (!outcomes.ids.includes(result.outcome)) {
    const guess = suggestKey(result.outcome, outcomes.ids);
    report.at(
      [...path, 'outcome'],
      TRIAL_RULES.outcomeUnknown,
      `outcome \`${result.outcome}\` in ${study.name} is not defined in this file: use one of ${codeList(outcomes.ids)}${guess ? ` (did you mean \`${guess}\`?)` : ''}, or add the outcome under \`outcomes\``,
    );
    return undefined;
  }
  const earlier = seen.outcomes.get(result.outcome);
  if (earlier !== undefined) {
    report.at([...path, 'outcome'], TRIAL_RULES.duplicateId, `${where} is given twice (first at line ${earlier}): keep one result per outcome and study`);
    return undefined;
  }
  seen.outcomes.set(result.outcome, report.lineOf([...path, 'outcome']));
  if (result.source.quote.length > QUOTE_MAX) {
    report.at(
      [...path, 'source', 'quote'],
      TRIAL_RULES.quoteLong,
      `the quote of ${where} has ${result.source.quote.length} characters: shorten it to the words the numbers were read from (under ${QUOTE_MAX})`,
      'warning',
    );
  }
  const outcome = outcomes.valid.get(result.outcome)?.raw;
  const data = readResultData(report, path, where, result, outcome);
  if (!data) return undefined;
  // Numbers analyzed cannot exceed the numbers randomized (crossover: the same people in both arms).
  if (study.header) {
    const analyzed =
      data.type === 'reported' ? { intervention: data.nIntervention, control: data.nControl } : { intervention: data.intervention.n, control: data.control.n };
    for (const arm of ['intervention', 'control'] as const) {
      if (analyzed[arm] > study.header.randomized[arm]) {
        const field = data.type === 'reported' ? ['reported', `n_${arm}`] : [arm, 'n'];
        report.at(
          [...path, ...field],
          TRIAL_RULES.invalid,
          `\`${field.join('.')}\` (${analyzed[arm]}) is larger than the ${study.header.randomized[arm]} randomized to the ${arm} arm of ${where}: correct the number analyzed or \`randomized\``,
        );
      }
    }
  }
  if (data.type === 'continuous' && outcome?.measure === 'SMD') {
    const first = seen.scales.get(result.outcome);
    const words = (scale: 'final' | 'change') => (scale === 'change' ? 'changes from baseline' : 'final values');
    if (!first) seen.scales.set(result.outcome, { scale: data.scale, studyName: study.name, line: report.lineOf(path) });
    else if (first.scale !== data.scale) {
      report.at(
        path,
        TRIAL_RULES.invalid,
        `${study.name} gives ${words(data.scale)} for outcome ${result.outcome}, but ${first.studyName} (line ${first.line}) gives ${words(first.scale)}: an SMD cannot mix the two (Cochrane Handbook 10.5.2); use one kind for every study of the outcome`,
      );
    }
  }
  return { outcome: result.outcome, data, source: toSource(result.source), line: report.lineOf(path) };
}

function checkStudies(report: Reporter, rawStudies: readonly unknown[], outcomes: CheckedOutcomes, known: ReadonlySet<string>): TrialStudy[] {
  const studies: TrialStudy[] = [];
  const firstLine = new Map<string, number>();
  const scales: ScalesSeen = new Map();
  rawStudies.forEach((value, index) => {
    const path = ['studies', index];
    const id = recordAt(value, 'id');
    const name = `study ${typeof id === 'string' ? id : `#${index + 1}`}`;
    if (typeof id === 'string') {
      const first = firstLine.get(id);
      if (first !== undefined) {
        report.at(
          [...path, 'id'],
          TRIAL_RULES.duplicateId,
          `study id \`${id}\` is used twice (first at line ${first}): give each study its own id, such as \`${id}b\` for a second trial in the same paper`,
        );
      } else firstLine.set(id, report.lineOf([...path, 'id']));
    }
    const reference = recordAt(value, 'reference');
    if (typeof reference === 'string' && reference.trim() && !known.has(reference)) {
      const guess = suggestKey(reference, known);
      report.at(
        [...path, 'reference'],
        TRIAL_RULES.referenceUnknown,
        `\`${reference}\` (${name}) is not a key of the bibliography: add its entry to src/data/references.bib or correct the key${guess ? `; did you mean \`${guess}\`?` : ''}`,
      );
    }
    const parsed = studyHeaderSchema.safeParse(value);
    const context: StudyContext = { path, name, ...(parsed.success ? { header: parsed.data } : {}) };
    const seen = { outcomes: new Map<string, number>(), scales };
    const results = arrayAt(value, 'results').flatMap((raw, r) => checkResult(report, context, r, raw, outcomes, seen) ?? []);
    if (!parsed.success) return;
    const study = parsed.data;
    studies.push({
      id: study.id,
      label: study.label,
      reference: study.reference,
      design: study.design,
      population: study.population,
      intervention: study.intervention,
      comparator: study.comparator,
      randomized: study.randomized,
      randomizedSource: toSource(study.randomized_source),
      results,
      line: report.lineOf(path),
    });
  });
  return studies;
}

/**
 * Reads and checks one dataset file. Never throws; `dataset` is present
 * only when there is no error (warnings allowed).
 */
export function loadDataset(file: string, source: string, knownReferenceKeys: Iterable<string>, options: LoadOptions = {}): DatasetLoad {
  const yaml = parseYaml(source);
  const report = new Reporter(file, yaml);
  if (yaml.errors.length > 0) {
    for (const error of yaml.errors) {
      const message =
        error.code === 'DUPLICATE_KEY'
          ? `\`${error.text}\` appears twice in the same block: keep one`
          : error.code === 'EXCESSIVE_ALIASES'
            ? `the file repeats YAML aliases (*name) too often: write the values out (at most ${MAX_ALIAS_COUNT} aliases): ${error.message}`
            : `fix the YAML syntax (check the indentation, quotes and brackets): ${error.message}`;
      report.problems.push({ file, line: error.line, column: error.column, ruleId: TRIAL_RULES.syntax, message });
    }
    return { problems: report.problems };
  }
  const root = yaml.value;

  // The shape first, then the rules between values, on every part whose shape is right.
  const whole = trialDatasetSchema.safeParse(root);
  if (!whole.success) for (const issue of whole.error.issues) reportIssue(report, root, issue);
  checkFileFields(report, root, file, options);
  const outcomes = checkOutcomes(report, arrayAt(root, 'outcomes'));
  const studies = checkStudies(report, arrayAt(root, 'studies'), outcomes, new Set(knownReferenceKeys));

  const problems = report.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const header = datasetHeaderSchema.safeParse(root);
  if (problems.some((p) => p.severity !== 'warning') || !header.success) return { problems };
  const h = header.data;
  return {
    problems,
    dataset: {
      file,
      id: h.id,
      title: h.title,
      question: h.question,
      labels: h.labels,
      eligibility: h.eligibility,
      searched: h.searched,
      outcomes: [...outcomes.valid.values()].map(({ raw, index }) => ({
        id: raw.id,
        label: raw.label,
        kind: raw.kind,
        measure: raw.measure,
        definition: raw.definition,
        timePoint: raw.time_point,
        good: raw.good,
        grade: raw.grade,
        line: report.lineOf(['outcomes', index]),
      })),
      studies,
    },
  };
}

/** The certainty level's label, for footnotes ("Moderate certainty"). */
export function certaintyLabel(certainty: GradedCertainty): string {
  return LABEL_LEVELS[certainty].label;
}

/** Loads every `.yaml` file of a folder (the site's src/data/trials), in file-name order. */
export function loadDatasetDirectory(
  directory: string,
  knownReferenceKeys: Iterable<string>,
  options: LoadOptions = {},
): { datasets: TrialDataset[]; problems: Problem[] } {
  const keys = [...knownReferenceKeys];
  const datasets: TrialDataset[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(directory)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = join(directory, name);
    const loaded = loadDataset(file, readFileSync(file, 'utf8'), keys, options);
    problems.push(...loaded.problems);
    if (loaded.dataset) datasets.push(loaded.dataset);
  }
  return { datasets, problems };
}
