/**
 * From a checked dataset to everything a page shows about each outcome:
 * the studies' effects and weights, the pooled estimate, heterogeneity, the
 * prediction interval, the sensitivity of the result to each study, the
 * absolute effects and the GRADE certainty with its reasons.
 *
 * Pure data in, pure data out: no files, no rendering, no randomness, so
 * the same dataset always gives the same numbers.
 *
 * The primary analysis is random effects with REML and the
 * Hartung–Knapp–Sidik–Jonkman adjustment, which keeps its nominal coverage
 * with few studies better than DerSimonian–Laird with a z interval (IntHout
 * et al., BMC Med Res Methodol 2014;14:25). DerSimonian–Laird and the fixed
 * effect are returned beside it for comparison with older reviews.
 */
import { binaryAbsoluteEffect, continuousAbsoluteEffect, medianControlRisk, type AbsoluteEffect, type AssumedControlRisk } from './absolute';
import {
  certaintyLabel,
  GRADE_DOMAIN_LABELS,
  type GradedCertainty,
  type GradeRating,
  type TrialDataset,
  type TrialOutcome,
  type TrialResultData,
  type TrialSource,
} from './dataset';
import {
  binaryEffect,
  continuousEffect,
  isBinaryMeasure,
  reportedEffect,
  studyInterval,
  type BinaryArm,
  type EstimateWithInterval,
  type Measure,
  type StudyEffect,
} from './effects';
import {
  hasEstimate,
  leaveOneOut,
  onReaderScale,
  pool,
  predictionInterval,
  tau2ConfidenceInterval,
  type PoolOptions,
  type PoolResult,
  type PredictionType,
  type Tau2Interval,
} from './pool';

/** The primary analysis, and the two shown beside it. */
export const PRIMARY_ANALYSIS: PoolOptions = { method: 'REML', test: 'knha' };
export const COMPARISON_ANALYSES = {
  dersimonianLaird: { method: 'DL', test: 'z' },
  fixedEffect: { method: 'FE', test: 'z' },
} as const satisfies Record<string, PoolOptions>;
/** Fewer studies than this give a prediction interval too wide to inform (Higgins et al. 2009). */
export const MIN_STUDIES_FOR_PREDICTION = 3;

export interface AnalysisOptions {
  /** Assumed control risks by outcome id, when a better baseline than the trials' median is known. */
  readonly assumedControlRisk?: Readonly<Record<string, AssumedControlRisk>>;
  /** metafor's default (t with k − 1 df under Hartung–Knapp) unless `riley` (t with k − 2 df) is asked for. */
  readonly predictionType?: PredictionType;
}

export interface StudyRow {
  readonly studyId: string;
  readonly label: string;
  readonly reference: string;
  readonly design: 'parallel' | 'crossover';
  readonly data: TrialResultData;
  readonly source: TrialSource;
  /** The effect on the analysis scale, as metafor's `escalc()`. */
  readonly effect: StudyEffect;
  /** The estimate and its z interval on the reader's scale. */
  readonly reader: EstimateWithInterval;
  /** Percent weight in the primary analysis. */
  readonly weight: number;
  /** Percent weight in the fixed-effect analysis. */
  readonly weightFixedEffect: number;
  /** Participants analyzed per arm. */
  readonly n: { readonly intervention: number; readonly control: number };
  /** People analyzed: both arms of a parallel trial; one arm's count for a crossover trial, where the same people are in both. */
  readonly participants: number;
}

export interface ExcludedStudy {
  readonly studyId: string;
  readonly label: string;
  /** Why the study is not in the pooled analysis, in words for a footnote. */
  readonly reason: string;
}

export interface HeterogeneitySummary {
  readonly q: number;
  readonly df: number;
  readonly pValue: number;
  /** I² in percent, from the primary analysis's τ². */
  readonly i2: number;
  readonly h2: number;
  readonly tau2: number;
  readonly tau: number;
  /** Q-profile confidence intervals for τ², τ, I² and H². */
  readonly interval?: Tau2Interval;
}

export interface ReaderPrediction {
  readonly lower: number;
  readonly upper: number;
  /** Degrees of freedom of the t quantile used. */
  readonly df?: number;
}

export interface LeaveOneOutRow {
  readonly omittedStudyId: string;
  readonly omittedLabel: string;
  readonly result: PoolResult;
  /** The estimate without the study, on the reader's scale, when there is one. */
  readonly reader?: EstimateWithInterval;
}

export interface CertaintyFootnote {
  readonly domain: GradeRating['domain'];
  readonly change: GradeRating['change'];
  readonly reason: string;
  /** e.g. "Rated down one level for risk of bias: Dissociation can reveal allocation." */
  readonly text: string;
}

export interface CertaintySummary {
  readonly level: GradedCertainty;
  readonly label: string;
  readonly footnotes: readonly CertaintyFootnote[];
}

export interface OutcomeAnalysis {
  /** The comparison (dataset) the outcome belongs to. */
  readonly datasetId: string;
  readonly outcome: TrialOutcome;
  readonly measure: Measure;
  /** Studies in the pooled analysis. */
  readonly k: number;
  /** People in the pooled analysis (see `StudyRow.participants`). */
  readonly participants: number;
  readonly studies: readonly StudyRow[];
  readonly excluded: readonly ExcludedStudy[];
  /** REML with Hartung–Knapp–Sidik–Jonkman: the result the page reports. */
  readonly primary: PoolResult;
  readonly dersimonianLaird: PoolResult;
  readonly fixedEffect: PoolResult;
  /** Pooled estimates on the reader's scale, when they exist. */
  readonly reader: {
    readonly primary?: EstimateWithInterval;
    readonly dersimonianLaird?: EstimateWithInterval;
    readonly fixedEffect?: EstimateWithInterval;
  };
  /** Absent for fewer than two studies. */
  readonly heterogeneity?: HeterogeneitySummary;
  /** On the reader's scale; only with three or more studies. */
  readonly prediction?: ReaderPrediction;
  readonly leaveOneOut: readonly LeaveOneOutRow[];
  readonly absolute?: AbsoluteEffect;
  readonly certainty: CertaintySummary;
}

export interface DatasetAnalysis {
  readonly datasetId: string;
  readonly title: string;
  readonly question: TrialDataset['question'];
  readonly searched: string;
  readonly outcomes: readonly OutcomeAnalysis[];
}

const LEVEL_WORDS = { 1: 'one level', 2: 'two levels' } as const;

function footnote(rating: GradeRating): CertaintyFootnote {
  const direction = rating.change < 0 ? 'Rated down' : 'Rated up';
  const text = `${direction} ${LEVEL_WORDS[Math.abs(rating.change) as 1 | 2]} for ${GRADE_DOMAIN_LABELS[rating.domain]}: ${rating.reason}`;
  return { domain: rating.domain, change: rating.change, reason: rating.reason, text };
}

/** The effect of one result for the outcome's measure, or why it cannot join the analysis. */
function effectOf(measure: Measure, data: TrialResultData): StudyEffect | { reason: string } {
  if (data.type === 'reported') {
    if (data.measure !== measure) return { reason: `reported as ${data.measure}; the outcome pools ${measure}` };
    const effect = reportedEffect(measure, data.estimate, data.ci);
    return effect.estimable ? effect : { reason: effect.reason };
  }
  const effect =
    data.type === 'binary'
      ? isBinaryMeasure(measure)
        ? binaryEffect(measure, data.intervention, data.control)
        : { estimable: false as const, reason: 'event counts cannot give a continuous measure' }
      : !isBinaryMeasure(measure)
        ? continuousEffect(measure, data.intervention, data.control)
        : { estimable: false as const, reason: 'means cannot give a binary measure' };
  return effect.estimable ? effect : { reason: effect.reason };
}

function armSizes(data: TrialResultData): { intervention: number; control: number } {
  return data.type === 'reported'
    ? { intervention: data.nIntervention, control: data.nControl }
    : { intervention: data.intervention.n, control: data.control.n };
}

export function analyseOutcome(dataset: TrialDataset, outcome: TrialOutcome, options: AnalysisOptions = {}): OutcomeAnalysis {
  const { measure } = outcome;
  const included: Omit<StudyRow, 'weight' | 'weightFixedEffect'>[] = [];
  const excluded: ExcludedStudy[] = [];
  for (const study of dataset.studies) {
    for (const result of study.results.filter((r) => r.outcome === outcome.id)) {
      const effect = effectOf(measure, result.data);
      if (!('yi' in effect)) {
        excluded.push({ studyId: study.id, label: study.label, reason: effect.reason });
        continue;
      }
      const n = armSizes(result.data);
      included.push({
        studyId: study.id,
        label: study.label,
        reference: study.reference,
        design: study.design,
        data: result.data,
        source: result.source,
        effect,
        reader: studyInterval(measure, effect),
        n,
        participants: study.design === 'crossover' ? Math.max(n.intervention, n.control) : n.intervention + n.control,
      });
    }
  }

  const effects = included.map((row) => row.effect);
  const primary = pool(effects, PRIMARY_ANALYSIS);
  const dersimonianLaird = pool(effects, COMPARISON_ANALYSES.dersimonianLaird);
  const fixedEffect = pool(effects, COMPARISON_ANALYSES.fixedEffect);
  const weightsOf = (result: PoolResult) => (hasEstimate(result) ? result.weights : []);
  const studies: StudyRow[] = included.map((row, i) => ({
    ...row,
    weight: weightsOf(primary)[i] ?? 0,
    weightFixedEffect: weightsOf(fixedEffect)[i] ?? 0,
  }));
  const reader = (result: PoolResult) => (hasEstimate(result) ? onReaderScale(measure, result) : undefined);

  let heterogeneity: HeterogeneitySummary | undefined;
  let prediction: ReaderPrediction | undefined;
  if (primary.kind === 'pooled') {
    const interval = tau2ConfidenceInterval(effects, primary);
    heterogeneity = {
      q: primary.heterogeneity.q,
      df: primary.heterogeneity.df,
      pValue: primary.heterogeneity.pValue,
      i2: primary.heterogeneity.i2,
      h2: primary.heterogeneity.h2,
      tau2: primary.tau2,
      tau: Math.sqrt(primary.tau2),
      ...(interval ? { interval } : {}),
    };
    if (primary.k >= MIN_STUDIES_FOR_PREDICTION) {
      const pi = predictionInterval(primary, options.predictionType);
      const onScale = onReaderScale(measure, { estimate: primary.estimate, lower: pi.lower, upper: pi.upper });
      prediction = { lower: onScale.lower, upper: onScale.upper, ...(pi.df === undefined ? {} : { df: pi.df }) };
    }
  }

  const leaveOneOutRows: LeaveOneOutRow[] =
    studies.length >= 2
      ? leaveOneOut(effects, PRIMARY_ANALYSIS).map(({ omitted, result }) => {
          const onScale = reader(result);
          return { omittedStudyId: studies[omitted]!.studyId, omittedLabel: studies[omitted]!.label, result, ...(onScale ? { reader: onScale } : {}) };
        })
      : [];

  const primaryReader = reader(primary);
  let absolute: AbsoluteEffect | undefined;
  if (primaryReader) {
    if (isBinaryMeasure(measure)) {
      const controls = studies.flatMap((row): BinaryArm[] => (row.data.type === 'binary' ? [row.data.control] : []));
      const assumed = options.assumedControlRisk?.[outcome.id] ?? medianControlRisk(controls);
      if (assumed) absolute = binaryAbsoluteEffect(measure, primaryReader, assumed, outcome.good, primary.level);
    } else {
      absolute = continuousAbsoluteEffect(measure, primaryReader);
    }
  }

  const dlReader = reader(dersimonianLaird);
  const feReader = reader(fixedEffect);
  return {
    datasetId: dataset.id,
    outcome,
    measure,
    k: studies.length,
    participants: studies.reduce((total, row) => total + row.participants, 0),
    studies,
    excluded,
    primary,
    dersimonianLaird,
    fixedEffect,
    reader: {
      ...(primaryReader ? { primary: primaryReader } : {}),
      ...(dlReader ? { dersimonianLaird: dlReader } : {}),
      ...(feReader ? { fixedEffect: feReader } : {}),
    },
    ...(heterogeneity ? { heterogeneity } : {}),
    ...(prediction ? { prediction } : {}),
    leaveOneOut: leaveOneOutRows,
    ...(absolute ? { absolute } : {}),
    certainty: {
      level: outcome.grade.certainty,
      label: certaintyLabel(outcome.grade.certainty),
      footnotes: outcome.grade.domains.map(footnote),
    },
  };
}

export function analyseDataset(dataset: TrialDataset, options: AnalysisOptions = {}): DatasetAnalysis {
  return {
    datasetId: dataset.id,
    title: dataset.title,
    question: dataset.question,
    searched: dataset.searched,
    outcomes: dataset.outcomes.map((outcome) => analyseOutcome(dataset, outcome, options)),
  };
}
