/**
 * The evidence-strength scale, defined once for the whole site.
 *
 * The page label, the summary-of-findings rows, the methods page, the
 * evidence map, the front-matter validator and the home page all import
 * these definitions, so a change here changes every place that shows them.
 * Certainty follows GRADE (Balshem et al., J Clin Epidemiol 2011;64:401-6);
 * the wording of each definition is GRADE's, lightly shortened.
 */

/**
 * Label kinds. A label must fit its question: GRADE certainty is for
 * questions of effect (does it work, how large is the benefit or harm);
 * a page whose main question is descriptive (how a drug works, how it is
 * absorbed and cleared) gets a descriptive label; a page that documents
 * approvals and rules gets an official-record label.
 */
export const LABEL_KINDS = {
  grade: {
    id: 'grade',
    name: 'GRADE certainty',
    caption: 'Certainty of evidence',
    appliesTo: 'questions of effect: whether a treatment works, and how large its benefits and harms are',
  },
  descriptive: {
    id: 'descriptive',
    name: 'Strength of descriptive evidence',
    caption: 'Strength of evidence',
    appliesTo: 'descriptive questions that estimate no effect: mechanism of action, pharmacokinetics and dosing facts',
  },
  'official-record': {
    id: 'official-record',
    name: 'Official record',
    caption: 'Source of facts',
    appliesTo: 'approvals, labels, schedules and regulatory decisions, documented from the issuing body’s records',
  },
} as const;

export type LabelKindId = keyof typeof LABEL_KINDS;

export const LABEL_LEVEL_IDS = ['high', 'moderate', 'low', 'very-low', 'consistent-human', 'limited-human', 'preclinical-only', 'official-record'] as const;

export type LabelLevelId = (typeof LABEL_LEVEL_IDS)[number];

export interface LabelLevel {
  readonly id: LabelLevelId;
  readonly kind: LabelKindId;
  /** The level in words, as a reader sees it in a label. */
  readonly label: string;
  /** The level in a few words for table rows ("Low" rather than "Low certainty"). */
  readonly short: string;
  /** What the level means, shown on hover/focus and on the methods page. */
  readonly definition: string;
  /** What a reader can do with a finding at this level. */
  readonly implication: string;
  /** Filled marks of the four-mark symbol (GRADE's ⊕⊕◯◯); 0 for labels that are not graded. */
  readonly marks: number;
}

export const LABEL_LEVELS: Readonly<Record<LabelLevelId, LabelLevel>> = {
  high: {
    id: 'high',
    kind: 'grade',
    label: 'High certainty',
    short: 'High',
    definition: 'We are very confident that the true effect lies close to that of the estimate of the effect.',
    implication: 'Further research is very unlikely to change the conclusion.',
    marks: 4,
  },
  moderate: {
    id: 'moderate',
    kind: 'grade',
    label: 'Moderate certainty',
    short: 'Moderate',
    definition:
      'We are moderately confident in the effect estimate: the true effect is likely to be close to the estimate, but there is a possibility that it is substantially different.',
    implication: 'Further research may change the estimate.',
    marks: 3,
  },
  low: {
    id: 'low',
    kind: 'grade',
    label: 'Low certainty',
    short: 'Low',
    definition: 'Our confidence in the effect estimate is limited: the true effect may be substantially different from the estimate.',
    implication: 'Further research is likely to change the estimate.',
    marks: 2,
  },
  'very-low': {
    id: 'very-low',
    kind: 'grade',
    label: 'Very low certainty',
    short: 'Very low',
    definition: 'We have very little confidence in the effect estimate: the true effect is likely to be substantially different from the estimate.',
    implication: 'Any estimate of effect is very uncertain.',
    marks: 1,
  },
  'consistent-human': {
    id: 'consistent-human',
    kind: 'descriptive',
    label: 'Consistent human data',
    short: 'Consistent human data',
    definition: 'Several studies in people measure the property directly and agree within the range the page reports.',
    implication: 'The values can be relied on for typical adults; individual patients still vary.',
    marks: 0,
  },
  'limited-human': {
    id: 'limited-human',
    kind: 'descriptive',
    label: 'Limited human data',
    short: 'Limited human data',
    definition: 'Few or small studies in people, or indirect human measures (such as imaging or blood biomarkers), support the description.',
    implication: 'Treat the description as provisional; new human studies may change it.',
    marks: 0,
  },
  'preclinical-only': {
    id: 'preclinical-only',
    kind: 'descriptive',
    label: 'Mainly preclinical data',
    short: 'Mainly preclinical',
    definition: 'The description rests mainly on studies in animals or cells; whether it holds in people is not established.',
    implication: 'Do not base clinical decisions on it; it explains hypotheses, not effects.',
    marks: 0,
  },
  'official-record': {
    id: 'official-record',
    kind: 'official-record',
    label: 'Official record',
    short: 'Official record',
    definition:
      'The page documents facts (approvals, labels, schedules, decisions) taken from the issuing body’s own records. It estimates no effect, so GRADE certainty does not apply; the facts are as current as the date they were checked.',
    implication: 'Check the cited record for changes after the date the facts were checked.',
    marks: 0,
  },
};

/** Levels in display order: GRADE from most to least certain, then descriptive levels, then the official record. */
export const LABEL_ORDER: readonly LabelLevel[] = LABEL_LEVEL_IDS.map((id) => LABEL_LEVELS[id]);

/** The GRADE levels only, for summary-of-findings rows and GRADE explanations. */
export const GRADE_LEVELS: readonly LabelLevel[] = LABEL_ORDER.filter((level) => level.kind === 'grade');

export const levelOf = (id: LabelLevelId): LabelLevel => LABEL_LEVELS[id];

export function isLabelLevelId(value: unknown): value is LabelLevelId {
  return typeof value === 'string' && (LABEL_LEVEL_IDS as readonly string[]).includes(value);
}

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
 * mapped to GRADE level ids. Matching ignores case and surrounding space.
 */
export function certaintyFromWords(words: string): LabelLevelId | undefined {
  const normal = words
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return GRADE_LEVELS.find((level) => normal === level.id.replace('-', ' ') || normal === level.label.toLowerCase())?.id;
}

export function isEvidenceBasisId(value: unknown): value is EvidenceBasisId {
  return typeof value === 'string' && (EVIDENCE_BASIS_IDS as readonly string[]).includes(value);
}
