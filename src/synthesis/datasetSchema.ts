/**
 * The shape of a trial dataset file as zod schemas, and the words that turn
 * a schema failure into an instruction for the contributor who wrote the
 * file: which field, in which study or outcome, and what it should hold.
 *
 * The value rules that compare fields with each other live in `dataset.ts`.
 */
import * as z from 'zod';
import { suggestKey } from '../citations/bibliography';
import type { LabelLevelId } from '../evidence/levels';
import { BINARY_MEASURES, CONTINUOUS_MEASURES } from './effects';
import type { DataPath } from './yamlPositions';

/** Rule ids of dataset problems; CONTRIBUTING.md can name them. */
export const TRIAL_RULES = {
  syntax: 'trial-yaml-syntax',
  invalid: 'trial-data-invalid',
  sourceMissing: 'trial-source-missing',
  referenceMissing: 'trial-reference-missing',
  referenceUnknown: 'trial-reference-unknown',
  outcomeUnknown: 'trial-outcome-unknown',
  duplicateId: 'trial-duplicate-id',
  /** Warning: a result that is valid but cannot join its outcome's pooled analysis. */
  notPooled: 'trial-result-not-pooled',
  /** Warning: the certainty does not follow from the domain changes. */
  gradeInconsistent: 'trial-grade-inconsistent',
  /** Warning: a quote longer than the README asks for. */
  quoteLong: 'trial-source-quote-long',
} as const;

export const GRADE_DOMAINS = [
  'risk-of-bias',
  'inconsistency',
  'indirectness',
  'imprecision',
  'publication-bias',
  'large-effect',
  'dose-response',
  'confounding',
] as const;
export type GradeDomain = (typeof GRADE_DOMAINS)[number];

/** Each domain in words, for footnotes ("Rated down one level for risk of bias"). */
export const GRADE_DOMAIN_LABELS: Readonly<Record<GradeDomain, string>> = {
  'risk-of-bias': 'risk of bias',
  inconsistency: 'inconsistency',
  indirectness: 'indirectness',
  imprecision: 'imprecision',
  'publication-bias': 'publication bias',
  'large-effect': 'a large effect',
  'dose-response': 'a dose-response gradient',
  confounding: 'plausible confounding that would reduce the effect',
};
/** Domains that can only raise certainty; the others can only lower it. */
export const UPGRADE_DOMAINS: readonly GradeDomain[] = ['large-effect', 'dose-response', 'confounding'];

export const GRADED_CERTAINTIES = ['high', 'moderate', 'low', 'very-low'] as const satisfies readonly LabelLevelId[];
export type GradedCertainty = (typeof GRADED_CERTAINTIES)[number];

export const QUOTE_MAX = 200;

// ---------------------------------------------------------------------------
// The shape, as zod schemas. Objects are strict so a misspelt field is
// reported rather than silently ignored.

export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = z.string().trim().min(1);
const identifier = z.string().regex(ID);
const events = z.number().int().nonnegative();
const people = z.number().int().positive();

const sourceSchema = z.strictObject({ location: text, quote: text, derived: text.optional() });

export const outcomeSchema = z.strictObject({
  id: identifier,
  label: text,
  kind: z.enum(['binary', 'continuous']),
  measure: z.enum([...BINARY_MEASURES, ...CONTINUOUS_MEASURES]),
  definition: text,
  time_point: text,
  good: z.enum(['higher', 'lower']),
  grade: z.strictObject({
    certainty: z.enum(GRADED_CERTAINTIES),
    domains: z.array(z.strictObject({ domain: z.enum(GRADE_DOMAINS), change: z.literal([-2, -1, 1, 2]), reason: text })),
  }),
});

export const armSchema = z.strictObject({
  events: events.optional(),
  n: people,
  mean: z.number().optional(),
  sd: z.number().positive().optional(),
  change_mean: z.number().optional(),
  change_sd: z.number().positive().optional(),
});

export const resultSchema = z.strictObject({
  outcome: z.string(),
  intervention: armSchema.optional(),
  control: armSchema.optional(),
  reported: z
    .strictObject({
      measure: z.enum([...BINARY_MEASURES, ...CONTINUOUS_MEASURES]),
      estimate: z.number(),
      ci: z.tuple([z.number(), z.number()]),
      n_intervention: people,
      n_control: people,
    })
    .optional(),
  source: sourceSchema,
});

const studyFields = {
  id: identifier,
  label: text,
  reference: text,
  design: z.enum(['parallel', 'crossover']),
  population: text,
  intervention: text,
  comparator: text,
  randomized: z.strictObject({ intervention: people, control: people }),
  randomized_source: sourceSchema,
};
export const studyHeaderSchema = z.strictObject({ ...studyFields, results: z.array(z.unknown()).min(1) });

const datasetFields = {
  id: identifier,
  title: text,
  question: z.strictObject({ population: text, intervention: text, comparator: text }),
  /** Short names of the arms, for forest plots ("Favours ketamine") and table headings. */
  labels: z.strictObject({ intervention: z.string().trim().min(1).max(30), comparator: z.string().trim().min(1).max(30) }),
  eligibility: text,
  searched: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
};
export const datasetHeaderSchema = z.strictObject({
  ...datasetFields,
  outcomes: z.array(z.unknown()).min(1),
  studies: z.array(z.unknown()).min(1),
});

/** The whole file's shape. The value rules are checked by `loadDataset`. */
export const trialDatasetSchema = z.strictObject({
  ...datasetFields,
  outcomes: z.array(outcomeSchema).min(1),
  studies: z.array(z.strictObject({ ...studyFields, results: z.array(resultSchema).min(1) })).min(1),
});

export type RawOutcome = z.infer<typeof outcomeSchema>;
export type RawResult = z.infer<typeof resultSchema>;
export type RawArm = z.infer<typeof armSchema>;
export type RawStudyHeader = z.infer<typeof studyHeaderSchema>;

// ---------------------------------------------------------------------------
// Words for contributors.

export const README = 'src/data/trials/README.md';
const SOURCE_HELP = 'where the numbers were read: `{ location: "Results, Table 2", quote: "the words or cells read" }`';
const SD_HELP = 'if the paper gives a standard error or a confidence interval, convert it and say how in `source.derived`';

/** Help for each field, by its path with list positions written as `*`. */
const FIELD_HELP: Readonly<Record<string, string>> = {
  id: 'the file name without .yaml',
  title: 'the comparison in one line',
  question: 'the question the analyses answer: `population`, `intervention` and `comparator`',
  labels: 'short names of the two arms for plots and tables, at most 30 characters each: `{ intervention: Ketamine, comparator: Placebo }`',
  eligibility: 'which trials are included, in a sentence or two',
  searched: 'the date the literature was last searched, written YYYY-MM-DD',
  outcomes: 'the list of outcomes the file analyses',
  studies: 'the list of included trials',
  'outcomes.*.id': 'lower-case words joined by hyphens, such as `response-24h`',
  'outcomes.*.label': 'the outcome as a reader sees it, such as "Response at 24 hours"',
  'outcomes.*.kind': '`binary` or `continuous`',
  'outcomes.*.measure': 'RR, OR or RD for a binary outcome; MD or SMD for a continuous one',
  'outcomes.*.definition': 'how the outcome was defined or measured',
  'outcomes.*.time_point': 'when it was measured, such as "24 hours"',
  'outcomes.*.good': '`higher` if a higher rate or score is good for the patient, `lower` if not',
  'outcomes.*.grade': 'the GRADE rating: `certainty` and the `domains` that moved it',
  'outcomes.*.grade.certainty': 'high, moderate, low or very-low',
  'outcomes.*.grade.domains': 'each GRADE domain that moved certainty, with `domain`, `change` and `reason`; write `domains: []` when none did',
  'outcomes.*.grade.domains.*.domain': GRADE_DOMAINS.join(', '),
  'outcomes.*.grade.domains.*.change': '-1 or -2 to rate down, 1 or 2 to rate up',
  'outcomes.*.grade.domains.*.reason': 'why, in a sentence; readers see it as a footnote',
  'studies.*.id': 'unique in the file, such as `zarate2006`',
  'studies.*.label': 'the name the forest plot shows, such as "Zarate 2006"',
  'studies.*.reference': 'the key of its entry in src/data/references.bib',
  'studies.*.design': '`parallel` or `crossover`',
  'studies.*.population': 'who was randomized, in a sentence',
  'studies.*.intervention': 'what the intervention arm received',
  'studies.*.comparator': 'what the control arm received',
  'studies.*.randomized': 'the participants randomized per arm: `{ intervention: 18, control: 18 }`',
  'studies.*.randomized.intervention': 'the number randomized to the intervention arm',
  'studies.*.randomized.control': 'the number randomized to the control arm',
  'studies.*.randomized_source': SOURCE_HELP,
  'studies.*.results': 'one entry per outcome the study reports',
  'studies.*.results.*.outcome': 'the id of an outcome defined in this file',
  'studies.*.results.*.source': SOURCE_HELP,
  'studies.*.results.*.reported.measure': 'RR, OR, RD, MD or SMD, as the paper reports it',
  'studies.*.results.*.reported.estimate': 'the effect as the paper reports it',
  'studies.*.results.*.reported.ci': 'the 95% confidence interval as `[lower, upper]`',
  'studies.*.results.*.reported.n_intervention': 'the number analyzed in the intervention arm',
  'studies.*.results.*.reported.n_control': 'the number analyzed in the control arm',
  'arm.events': 'the number of participants with the event',
  'arm.n': 'the number analyzed in that arm',
  'arm.mean': 'the mean final value',
  'arm.sd': `the standard deviation; ${SD_HELP}`,
  'arm.change_mean': 'the mean change from baseline',
  'arm.change_sd': `the standard deviation of the change; ${SD_HELP}`,
  'source.location': 'where in the source the number was read, such as "Results, Table 2"',
  'source.quote': `the words or table cells the number was read from, under ${QUOTE_MAX} characters`,
  'source.derived': 'how a computed number was derived, such as "SD = SE × √n"',
};

const ALL_FIELD_NAMES = [...new Set(Object.keys(FIELD_HELP).map((key) => key.split('.').pop()!))];

function helpKey(path: DataPath): string {
  const parent = path[path.length - 2];
  const last = String(path[path.length - 1]);
  const inResult = path[0] === 'studies' && path[2] === 'results';
  if (inResult && path.length === 6 && (parent === 'intervention' || parent === 'control')) return `arm.${last}`;
  if (parent === 'source' || parent === 'randomized_source') return `source.${last}`;
  return path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
}

const helpFor = (path: DataPath): string | undefined => FIELD_HELP[helpKey(path)];

export const recordAt = (value: unknown, key: string | number): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;

export function valueAt(root: unknown, path: DataPath): unknown {
  return path.reduce<unknown>((value, key) => recordAt(value, key), root);
}

const show = (value: unknown): string => {
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 40 ? `${json.slice(0, 37)}...` : json;
};

/**
 * Splits a path into the container a contributor recognizes (a study, an
 * outcome, a result) and the field inside it, so messages read "`n` in
 * study zarate2006, outcome response-24h".
 */
function locate(root: unknown, path: DataPath): { container: string; field: string } {
  const name = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);
  const fieldOf = (rest: DataPath) =>
    rest.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment + 1}]` : text ? `${text}.${segment}` : segment), '');
  const [top, index, inner, resultIndex] = path;
  if (top === 'outcomes' && typeof index === 'number') {
    const id = name(valueAt(root, ['outcomes', index, 'id']), `#${index + 1}`);
    return { container: `outcome ${id}`, field: fieldOf(path.slice(2)) };
  }
  if (top === 'studies' && typeof index === 'number') {
    const study = `study ${name(valueAt(root, ['studies', index, 'id']), `#${index + 1}`)}`;
    if (inner === 'results' && typeof resultIndex === 'number') {
      const outcome = name(valueAt(root, path.slice(0, 4).concat('outcome')), `(result ${resultIndex + 1})`);
      return { container: `${study}, outcome ${outcome}`, field: fieldOf(path.slice(4)) };
    }
    return { container: study, field: fieldOf(path.slice(2)) };
  }
  return { container: 'the file', field: fieldOf(path) };
}

function ruleForMissing(path: DataPath): string {
  if (path.includes('source') || path.includes('randomized_source')) return TRIAL_RULES.sourceMissing;
  if (path[path.length - 1] === 'reference') return TRIAL_RULES.referenceMissing;
  return TRIAL_RULES.invalid;
}

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  object: 'a group of `field: value` lines',
  array: 'a list',
  tuple: 'a list of two numbers, such as `[-7.31, -0.64]`',
};

/** Where schema problems go: positioned by path, or at a mapping's key. */
export interface ProblemSink {
  at(path: DataPath, ruleId: string, message: string, severity?: 'warning'): void;
  atKey(path: DataPath, key: string, ruleId: string, message: string): void;
}

/** Turns one zod issue into a problem addressed to the contributor. */
export function reportIssue(report: ProblemSink, root: unknown, issue: z.core.$ZodIssue): void {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const { container, field } = locate(root, path);
    for (const key of issue.keys) {
      const guess = suggestKey(key, ALL_FIELD_NAMES);
      report.atKey(
        path,
        key,
        TRIAL_RULES.invalid,
        `unknown field \`${key}\` in ${field ? `\`${field}\` of ` : ''}${container}: remove it or correct its name${guess ? ` (did you mean \`${guess}\`?)` : ''}; the fields are described in ${README}`,
      );
    }
    return;
  }
  const value = valueAt(root, path);
  if (path.length === 0) {
    report.at(path, TRIAL_RULES.invalid, `the file holds no comparison: start from the example in ${README}`);
    return;
  }
  const { container, field } = locate(root, path);
  const help = helpFor(path);
  const tail = help ? `: ${help}` : '';
  if (value === undefined || value === null) {
    const where = path.slice(0, -1);
    const inWords = where.length === 0 ? 'the file' : container;
    const name = String(path[path.length - 1]);
    report.at(where, ruleForMissing(path), `add \`${field || name}\` to ${inWords}${tail}`);
    return;
  }
  const subject = `\`${field}\` (${show(value)}) in ${container}`;
  let message: string;
  switch (issue.code) {
    case 'invalid_type':
      message = `${subject} must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}${tail}`;
      break;
    case 'invalid_value':
      message = `${subject} is not allowed: use one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
      break;
    case 'invalid_format':
      message = `${subject} is not written as expected${tail}`;
      break;
    case 'too_small':
      if (issue.origin === 'number') {
        message = `${subject} must be ${issue.inclusive ? `at least ${String(issue.minimum)}` : `greater than ${String(issue.minimum)}`}${tail}`;
      } else if (issue.origin === 'string') {
        message = `${subject} is empty${tail}`;
      } else if (path[path.length - 1] === 'ci') {
        message = `${subject} must hold two numbers, the lower and upper limits${tail}`;
      } else {
        message = `${subject} must list at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}${tail}`;
      }
      break;
    case 'too_big':
      message = `${subject} has too many items${tail}`;
      break;
    default:
      message = `${subject}: ${issue.message}${tail}`;
  }
  report.at(path, TRIAL_RULES.invalid, message);
}
