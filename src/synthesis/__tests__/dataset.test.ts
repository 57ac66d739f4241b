// cspell:ignore respnse antidepresant (the misspellings the bad fixtures make on purpose)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadDataset, loadDatasetDirectory, trialDatasetSchema } from '../dataset';

const FIXTURES = join(__dirname, '__fixtures__');
const KEYS = ['zarate2006randomized', 'murrough2013antidepressant', 'fava2020double', 'su2017dose'];
const VALID = join(FIXTURES, 'datasets', 'iv-ketamine-vs-placebo.yaml');

function loadInvalid(name: string) {
  const file = join(FIXTURES, 'bad', `${name}.yaml`);
  return loadDataset(file, readFileSync(file, 'utf8'), KEYS, { today: new Date('2026-12-01') });
}

describe('loading a valid dataset', () => {
  const { dataset, problems } = loadDataset(VALID, readFileSync(VALID, 'utf8'), KEYS);

  it('reports no problems and returns the checked model', () => {
    expect(problems).toEqual([]);
    expect(dataset?.id).toBe('iv-ketamine-vs-placebo');
    expect(dataset?.outcomes.map((o) => [o.id, o.kind, o.measure, o.good])).toEqual([
      ['response-24h', 'binary', 'RR', 'higher'],
      ['madrs-24h', 'continuous', 'MD', 'lower'],
      ['dissociation', 'binary', 'OR', 'lower'],
    ]);
    expect(dataset?.studies.map((s) => s.id)).toEqual(['zarate2006', 'murrough2013', 'fava2020', 'su2017']);
  });

  it('reads each kind of result into its own shape, with its source and line', () => {
    const [zarate, murrough] = dataset!.studies;
    expect(zarate!.results[0]).toEqual({
      outcome: 'response-24h',
      data: { type: 'binary', intervention: { events: 12, n: 17 }, control: { events: 0, n: 14 } },
      source: { location: 'Results, Table 2', quote: '71% of subjects responded to ketamine at 24 h' },
      line: 63,
    });
    expect(zarate!.results[1]!.data).toEqual({
      type: 'continuous',
      scale: 'final',
      intervention: { mean: 16.1, sd: 9.2, n: 17 },
      control: { mean: 27.4, sd: 7.8, n: 14 },
    });
    expect(zarate!.results[1]!.source.derived).toBe('SD = SE × √n');
    expect(murrough!.results[1]!.data).toEqual({ type: 'reported', measure: 'MD', estimate: -7.95, ci: [-12.58, -3.33], nIntervention: 47, nControl: 25 });
  });

  it('keeps the GRADE rating and its reasons for the footnotes', () => {
    expect(dataset?.outcomes[1]?.grade).toEqual({
      certainty: 'low',
      domains: [
        { domain: 'risk-of-bias', change: -1, reason: 'Dissociation can reveal allocation.' },
        { domain: 'imprecision', change: -1, reason: 'Few participants.' },
      ],
    });
  });

  it('is described by the exported zod schema', () => {
    expect(trialDatasetSchema.safeParse(parse(readFileSync(VALID, 'utf8'))).success).toBe(true);
  });

  it('loads every .yaml file of a folder', () => {
    const loaded = loadDatasetDirectory(join(FIXTURES, 'datasets'), KEYS);
    expect(loaded.problems).toEqual([]);
    expect(loaded.datasets.map((d) => d.id)).toEqual(['iv-ketamine-vs-placebo']);
  });
});

/** One fixture per class of mistake: the exact message and the line a contributor is sent to. */
const INVALID: readonly [fixture: string, line: number, ruleId: string, message: string][] = [
  [
    'events-over-n',
    36,
    'trial-data-invalid',
    '`events` (30) is larger than `n` (25) in the intervention arm of study murrough2013, outcome response-24h: correct the count from the source',
  ],
  [
    'n-over-randomized',
    36,
    'trial-data-invalid',
    '`intervention.n` (50) is larger than the 47 randomized to the intervention arm of study murrough2013, outcome response-24h: correct the number analyzed or `randomized`',
  ],
  [
    'sd-not-positive',
    36,
    'trial-data-invalid',
    '`intervention.sd` (0) in study murrough2013, outcome response-24h must be greater than 0: the standard deviation; if the paper gives a standard error or a confidence interval, convert it and say how in `source.derived`',
  ],
  [
    'ci-excludes-estimate',
    36,
    'trial-data-invalid',
    'the 95% CI [2.5, 4.1] of study murrough2013, outcome response-24h does not contain its estimate (2.3): check the numbers against the source',
  ],
  [
    'outcome-unknown',
    35,
    'trial-outcome-unknown',
    'outcome `respnse-24h` in study murrough2013 is not defined in this file: use one of `response-24h` (did you mean `response-24h`?), or add the outcome under `outcomes`',
  ],
  ['reference-missing', 25, 'trial-reference-missing', 'add `reference` to study murrough2013: the key of its entry in src/data/references.bib'],
  [
    'reference-unknown',
    27,
    'trial-reference-unknown',
    '`murrough2013antidepresant` (study murrough2013) is not a key of the bibliography: add its entry to src/data/references.bib or correct the key; did you mean `murrough2013antidepressant`?',
  ],
  [
    'source-location-missing',
    38,
    'trial-source-missing',
    'add `source.location` to study murrough2013, outcome response-24h: where in the source the number was read, such as "Results, Table 2"',
  ],
  [
    'source-quote-missing',
    38,
    'trial-source-missing',
    'add `source.quote` to study murrough2013, outcome response-24h: the words or table cells the number was read from, under 200 characters',
  ],
  [
    'outcome-kind-measure',
    14,
    'trial-data-invalid',
    'outcome response-24h is binary, but the MD (mean difference) is for continuous outcomes: use RR, OR or RD, or correct `kind`',
  ],
  [
    'result-kind-mismatch',
    36,
    'trial-data-invalid',
    '`intervention` in study murrough2013, outcome response-24h gives `mean`, `sd`, but the outcome is binary: give `events` and `n` for each arm',
  ],
  [
    'reported-measure-family',
    36,
    'trial-data-invalid',
    'study murrough2013, outcome response-24h is reported as MD (mean difference), but the outcome is binary: use RR, OR or RD, or name the right outcome',
  ],
  [
    'smd-mixed-scales',
    49,
    'trial-data-invalid',
    'study fava2020 gives changes from baseline for outcome response-24h, but study murrough2013 (line 35) gives final values: an SMD cannot mix the two (Cochrane Handbook 10.5.2); use one kind for every study of the outcome',
  ],
  [
    'duplicate-study-id',
    39,
    'trial-duplicate-id',
    'study id `murrough2013` is used twice (first at line 25): give each study its own id, such as `murrough2013b` for a second trial in the same paper',
  ],
  ['duplicate-outcome-id', 24, 'trial-duplicate-id', 'outcome id `response-24h` is used twice (first at line 11): give each outcome its own id'],
  [
    'count-not-integer',
    36,
    'trial-data-invalid',
    '`intervention.events` (30.5) in study murrough2013, outcome response-24h must be a whole number: the number of participants with the event',
  ],
  ['date-impossible', 9, 'trial-data-invalid', '`searched` (2026-02-30) is not a date in the calendar: write the real date of the last search, YYYY-MM-DD'],
  [
    'id-not-file-name',
    2,
    'trial-data-invalid',
    '`id` (ketamine-vs-placebo) must be the file name without .yaml (id-not-file-name): rename the file or correct the id',
  ],
  [
    'unknown-field',
    37,
    'trial-data-invalid',
    'unknown field `event` in `control` of study murrough2013, outcome response-24h: remove it or correct its name (did you mean `events`?); the fields are described in src/data/trials/README.md',
  ],
  ['yaml-syntax', 27, 'trial-yaml-syntax', '`label` appears twice in the same block: keep one'],
  [
    'alias-bomb',
    1,
    'trial-yaml-syntax',
    'the file repeats YAML aliases (*name) too often: write the values out (at most 10 aliases): Excessive alias count indicates a resource exhaustion attack',
  ],
];

describe('explaining each mistake in a dataset', () => {
  it.each(INVALID)('%s: reports line %i with what to fix', (fixture, line, ruleId, message) => {
    const { dataset, problems } = loadInvalid(fixture);
    expect(dataset).toBeUndefined();
    expect(problems.map((p) => ({ file: p.file.split('/').pop(), line: p.line, ruleId: p.ruleId, message: p.message }))).toEqual([
      { file: `${fixture}.yaml`, line, ruleId, message },
    ]);
  });

  it('names the column of the offending value as well as its line', () => {
    expect(loadInvalid('events-over-n').problems[0]).toMatchObject({ line: 36, column: 33 });
  });

  it('reports the mistakes of every study at once, not only the first', () => {
    const source = readFileSync(VALID, 'utf8')
      .replace('intervention: { events: 12, n: 17 }', 'intervention: { events: 19, n: 17 }')
      .replace('reference: fava2020double', 'reference: fava2020')
      .replace('control: { mean: 24.9, sd: 9.8, n: 19 }', 'control: { mean: 24.9, sd: -9.8, n: 19 }');
    const { problems } = loadDataset(VALID, source, KEYS);
    expect(problems.map((p) => [p.line, p.ruleId])).toEqual([
      [64, 'trial-data-invalid'],
      [98, 'trial-reference-unknown'],
      [112, 'trial-data-invalid'],
    ]);
  });

  it('asks for the lower limit first when an interval is written backwards', () => {
    const source = readFileSync(VALID, 'utf8').replace('ci: [1.2, 3.7]', 'ci: [3.7, 1.2]');
    expect(loadDataset(VALID, source, KEYS).problems.map((p) => [p.line, p.message])).toEqual([
      [
        129,
        'the 95% CI [3.7, 1.2] of study su2017, outcome response-24h must be written [lower, upper] with two different limits: check the order and the numbers against the source',
      ],
    ]);
  });

  it('refuses a search date in the future', () => {
    const source = readFileSync(VALID, 'utf8');
    const { problems } = loadDataset(VALID, source, KEYS, { today: new Date('2026-11-01') });
    expect(problems.map((p) => p.message)).toEqual(['`searched` (2026-11-30) is in the future: write the date the literature was last searched']);
  });

  it('warns, without failing, about a reported effect the outcome cannot pool and a rating its domains do not explain', () => {
    const source = readFileSync(VALID, 'utf8')
      .replace('reported: { measure: RR, estimate: 2.1', 'reported: { measure: OR, estimate: 2.1')
      .replace('certainty: high', 'certainty: moderate');
    const { dataset, problems } = loadDataset(VALID, source, KEYS);
    expect(dataset).toBeDefined();
    expect(problems.map((p) => [p.severity, p.ruleId, p.message])).toEqual([
      [
        'warning',
        'trial-grade-inconsistent',
        'outcome dissociation is rated moderate, but starting from high for randomized trials its domain changes give high: correct the certainty or list the domain that explains it',
      ],
      [
        'warning',
        'trial-result-not-pooled',
        'study su2017, outcome response-24h is reported as OR, but the outcome pools RR: the study is left out of the pooled analysis; give arm data or RR if the source reports them',
      ],
    ]);
  });

  it('never throws, whatever the file holds', () => {
    for (const source of ['', '- a list\n- not a mapping', 'id: [unclosed', '\u0000\u0001', 'studies: 3', 'outcomes:\n  - 1\n  - null']) {
      const result = loadDataset('x.yaml', source, KEYS);
      expect(result.dataset).toBeUndefined();
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((p) => p.line >= 1 && p.column >= 1 && p.message.length > 0)).toBe(true);
    }
  });

  it('sends an empty file to the README', () => {
    expect(loadDataset('x.yaml', '', KEYS).problems.map((p) => p.message)).toEqual([
      'the file holds no comparison: start from the example in src/data/trials/README.md',
    ]);
  });
});
