import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { givenControlRisk } from '../absolute';
import { analyseDataset, analyseOutcome } from '../analyse';
import { loadDataset, type TrialDataset } from '../dataset';
import { pool } from '../pool';

const FILE = join(__dirname, '__fixtures__', 'datasets', 'iv-ketamine-vs-placebo.yaml');
const KEYS = ['zarate2006randomized', 'murrough2013antidepressant', 'fava2020double', 'su2017dose'];
const dataset: TrialDataset = loadDataset(FILE, readFileSync(FILE, 'utf8'), KEYS).dataset!;
const analysis = analyseDataset(dataset);
const byId = (id: string) => analysis.outcomes.find((o) => o.outcome.id === id)!;

describe('analyzing a dataset', () => {
  it('analyses every outcome of the file, in file order', () => {
    expect(analysis.outcomes.map((o) => [o.outcome.id, o.k])).toEqual([
      ['response-24h', 4],
      ['madrs-24h', 3],
      ['dissociation', 3],
    ]);
  });

  it('uses REML with Hartung–Knapp as the primary analysis and returns DerSimonian–Laird and the fixed effect beside it', () => {
    const response = byId('response-24h');
    expect(response.primary).toMatchObject({ kind: 'pooled', method: 'REML', test: 'knha', df: 3 });
    expect(response.dersimonianLaird).toMatchObject({ method: 'DL', test: 'z' });
    expect(response.fixedEffect).toMatchObject({ method: 'FE', test: 'z', tau2: 0 });
    expect(response.reader.primary!.estimate).toBeGreaterThan(1);
  });

  it('pools exactly the effects it lists, with their weights', () => {
    const madrs = byId('madrs-24h');
    const direct = pool(
      madrs.studies.map((s) => s.effect),
      { method: 'REML', test: 'knha' },
    );
    expect(madrs.primary).toEqual(direct);
    expect(madrs.studies.map((s) => s.weight).reduce((a, b) => a + b)).toBeCloseTo(100, 10);
    expect(madrs.studies[1]!.effect.from).toBe('reported');
  });

  it('counts the people in a crossover trial once and both arms of a parallel trial', () => {
    const response = byId('response-24h');
    expect(response.studies.map((s) => s.participants)).toEqual([17, 72, 39, 47]);
    expect(response.participants).toBe(17 + 72 + 39 + 47);
  });

  it('gives a prediction interval from three studies, wider than the confidence interval', () => {
    const madrs = byId('madrs-24h');
    expect(madrs.prediction!.df).toBe(2);
    expect(madrs.prediction!.lower).toBeLessThanOrEqual(madrs.reader.primary!.lower);
    expect(madrs.prediction!.upper).toBeGreaterThanOrEqual(madrs.reader.primary!.upper);
  });

  it('uses t with k − 2 df for the prediction interval when asked (pi.type="riley")', () => {
    const riley = analyseOutcome(dataset, dataset.outcomes[0]!, { predictionType: 'riley' });
    expect(riley.prediction!.df).toBe(2);
    expect(riley.prediction!.upper).toBeGreaterThan(byId('response-24h').prediction!.upper);
  });

  it('gives heterogeneity with its Q-profile interval', () => {
    const h = byId('response-24h').heterogeneity!;
    expect(h.df).toBe(3);
    expect(h.interval!.i2.lower).toBeLessThanOrEqual(h.i2);
    expect(h.interval!.i2.upper).toBeGreaterThanOrEqual(h.i2);
  });

  it('leaves each study out in turn and names it', () => {
    expect(byId('dissociation').leaveOneOut.map((row) => [row.omittedLabel, row.result.k])).toEqual([
      ['Zarate 2006', 2],
      ['Murrough 2013', 2],
      ['Fava 2020', 2],
    ]);
  });

  it('works out absolute effects at the median control risk of the trials with counts', () => {
    const response = byId('response-24h');
    expect(response.absolute?.kind).toBe('binary');
    if (response.absolute?.kind !== 'binary') return;
    // Control risks 0/14, 7/25, 3/19 (the reported study has no counts): median 3/19.
    expect(response.absolute.assumed.risk).toBeCloseTo(3 / 19, 12);
    expect(response.absolute.perThousand.assumed).toBe(158);
    expect(response.absolute.nnt.point.side).toBe('benefit');
    expect(byId('madrs-24h').absolute).toMatchObject({ kind: 'continuous', unit: 'points' });
  });

  it('takes a given control risk instead when there is a better baseline', () => {
    const outcome = dataset.outcomes[0]!;
    const result = analyseOutcome(dataset, outcome, { assumedControlRisk: { 'response-24h': givenControlRisk(0.1, 'a registry') } });
    expect(result.absolute).toMatchObject({ assumed: { risk: 0.1, rule: 'given', description: 'a registry' } });
  });

  it('calls an adverse outcome’s extra events harm', () => {
    const dissociation = byId('dissociation');
    expect(dissociation.absolute?.kind === 'binary' && dissociation.absolute.nnt.point.side).toBe('harm');
  });

  it('carries the GRADE certainty and a footnote for each domain that moved it', () => {
    expect(byId('madrs-24h').certainty).toEqual({
      level: 'low',
      label: 'Low certainty',
      footnotes: [
        {
          domain: 'risk-of-bias',
          change: -1,
          reason: 'Dissociation can reveal allocation.',
          text: 'Rated down one level for risk of bias: Dissociation can reveal allocation.',
        },
        { domain: 'imprecision', change: -1, reason: 'Few participants.', text: 'Rated down one level for imprecision: Few participants.' },
      ],
    });
  });

  it('leaves out, and says why, a reported effect on another measure', () => {
    const changed = {
      ...dataset,
      studies: dataset.studies.map((s) =>
        s.id === 'su2017'
          ? {
              ...s,
              results: s.results.map((r) => ({
                ...r,
                data: { type: 'reported' as const, measure: 'OR' as const, estimate: 2, ci: [1.1, 3.6] as const, nIntervention: 23, nControl: 24 },
              })),
            }
          : s,
      ),
    };
    const response = analyseOutcome(changed, changed.outcomes[0]!);
    expect(response.k).toBe(3);
    expect(response.excluded).toEqual([{ studyId: 'su2017', label: 'Su 2017', reason: 'reported as OR; the outcome pools RR' }]);
  });

  it('returns a typed "no data" analysis for an outcome no study reports, and one study without heterogeneity', () => {
    const empty = analyseOutcome({ ...dataset, studies: [] }, dataset.outcomes[0]!);
    expect(empty.primary.kind).toBe('no-data');
    expect(empty.absolute).toBeUndefined();
    expect(empty.leaveOneOut).toEqual([]);
    const one = analyseOutcome({ ...dataset, studies: dataset.studies.slice(0, 1) }, dataset.outcomes[1]!);
    expect(one.primary.kind).toBe('single-study');
    expect(one.heterogeneity).toBeUndefined();
    expect(one.prediction).toBeUndefined();
    expect(one.absolute).toMatchObject({ kind: 'continuous' });
  });
});
