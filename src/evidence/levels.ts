/**
 * The evidence-strength scale, defined once for the whole site.
 *
 * The page label, the summary-of-findings rows, the methods page, the
 * evidence map, the front-matter validator and the home page all import
 * these definitions, so a change here changes every place that shows them.
 * Certainty follows GRADE (Balshem et al., J Clin Epidemiol 2011;64:401-6);
 * the wording of each definition is GRADE's, lightly shortened.
 */

export const CERTAINTY_LEVEL_IDS = [
  'high',
  'moderate',
  'low',
  'very-low',
  'official-record',
] as const;

export type CertaintyLevelId = (typeof CERTAINTY_LEVEL_IDS)[number];

export interface CertaintyLevel {
  readonly id: CertaintyLevelId;
  /** The level in words, as a reader sees it in a label. */
  readonly label: string;
  /** What the level means, shown on hover/focus and on the methods page. */
  readonly definition: string;
  /** What a reader can do with a finding at this level. */
  readonly implication: string;
  /** Whether the level is a GRADE certainty rating (false for official records). */
  readonly graded: boolean;
  /** Number of filled marks in the four-mark symbol GRADE uses (0 when not graded). */
  readonly marks: number;
}

export const CERTAINTY_LEVELS: Readonly<Record<CertaintyLevelId, CertaintyLevel>> = {
  high: {
    id: 'high',
    label: 'High certainty',
    definition:
      'We are very confident that the true effect lies close to that of the estimate of the effect.',
    implication: 'Further research is very unlikely to change the conclusion.',
    graded: true,
    marks: 4,
  },
  moderate: {
    id: 'moderate',
    label: 'Moderate certainty',
    definition:
      'We are moderately confident in the effect estimate: the true effect is likely to be close to the estimate, but there is a possibility that it is substantially different.',
    implication: 'Further research may change the estimate.',
    graded: true,
    marks: 3,
  },
  low: {
    id: 'low',
    label: 'Low certainty',
    definition:
      'Our confidence in the effect estimate is limited: the true effect may be substantially different from the estimate.',
    implication: 'Further research is likely to change the estimate.',
    graded: true,
    marks: 2,
  },
  'very-low': {
    id: 'very-low',
    label: 'Very low certainty',
    definition:
      'We have very little confidence in the effect estimate: the true effect is likely to be substantially different from the estimate.',
    implication: 'Any estimate of effect is very uncertain.',
    graded: true,
    marks: 1,
  },
  'official-record': {
    id: 'official-record',
    label: 'Official record',
    definition:
      'The page documents facts (approvals, labels, schedules, decisions) taken from the issuing body’s own records. It estimates no effect, so GRADE certainty does not apply; the facts are as current as the date they were checked.',
    implication: 'Check the cited record for changes after the date the facts were checked.',
    graded: false,
    marks: 0,
  },
};

/** Levels in display order, from most to least certain, then the official-record label. */
export const CERTAINTY_ORDER: readonly CertaintyLevel[] = CERTAINTY_LEVEL_IDS.map(
  (id) => CERTAINTY_LEVELS[id],
);

export const EVIDENCE_BASIS_IDS = [
  'systematic-reviews',
  'randomized-trials',
  'observational',
  'case-series',
  'preclinical',
  'consensus',
  'official-record',
] as const;

export type EvidenceBasisId = (typeof EVIDENCE_BASIS_IDS)[number];

export interface EvidenceBasis {
  readonly id: EvidenceBasisId;
  readonly label: string;
  readonly description: string;
}

export const EVIDENCE_BASES: Readonly<Record<EvidenceBasisId, EvidenceBasis>> = {
  'systematic-reviews': {
    id: 'systematic-reviews',
    label: 'Systematic reviews and meta-analyses',
    description: 'Reviews that search for and appraise all eligible studies, often pooling their results.',
  },
  'randomized-trials': {
    id: 'randomized-trials',
    label: 'Randomized trials',
    description: 'Trials that allocate participants to treatments by chance, with a control group.',
  },
  observational: {
    id: 'observational',
    label: 'Observational studies',
    description: 'Cohort, case-control and cross-sectional studies, registries and surveillance data.',
  },
  'case-series': {
    id: 'case-series',
    label: 'Case series and open-label studies',
    description: 'Uncontrolled reports on treated patients; they cannot separate the treatment from other causes.',
  },
  preclinical: {
    id: 'preclinical',
    label: 'Preclinical (animal or cell) studies',
    description: 'Experiments in animals or cells; they suggest mechanisms but may not hold in people.',
  },
  consensus: {
    id: 'consensus',
    label: 'Consensus statements and guidelines',
    description: 'Recommendations agreed by expert panels, ideally from a systematic review of the evidence.',
  },
  'official-record': {
    id: 'official-record',
    label: 'Labels and official records',
    description: 'Prescribing information, regulatory decisions, notices and agency announcements.',
  },
};

/**
 * The words a summary-of-findings table may use in its certainty column,
 * mapped to level ids. Matching ignores case and surrounding space.
 */
export function certaintyFromWords(words: string): CertaintyLevelId | undefined {
  const normal = words.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  return CERTAINTY_ORDER.find(
    (level) =>
      level.graded &&
      (normal === level.id.replace('-', ' ') || normal === level.label.toLowerCase()),
  )?.id;
}

export function isCertaintyLevelId(value: unknown): value is CertaintyLevelId {
  return typeof value === 'string' && (CERTAINTY_LEVEL_IDS as readonly string[]).includes(value);
}

export function isEvidenceBasisId(value: unknown): value is EvidenceBasisId {
  return typeof value === 'string' && (EVIDENCE_BASIS_IDS as readonly string[]).includes(value);
}
