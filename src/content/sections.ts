/**
 * The site's sections, defined once: the sidebar, the home page, the
 * evidence map and the validator all read this list.
 */
export interface Section {
  /** Folder under docs/ and the first segment of the URL. */
  readonly id: string;
  readonly title: string;
  /** One line for the home page and the evidence map. */
  readonly summary: string;
  /** Condition pages must carry a summary-of-findings table. */
  readonly requiresFindings?: boolean;
  /** Regulation pages document official records rather than grade effects. */
  readonly officialRecords?: boolean;
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'mechanism',
    title: 'Mechanism of action',
    summary: 'NMDA receptor blockade, glutamate, BDNF and synaptogenesis, metabolites, opioid and circuit findings.',
  },
  {
    id: 'conditions',
    title: 'Conditions',
    summary: 'What the trials show for each condition, with summary-of-findings tables.',
    requiresFindings: true,
  },
  {
    id: 'routes',
    title: 'Routes and pharmacology',
    summary: 'Intravenous, intramuscular, intranasal, oral and sublingual use; bioavailability, half-lives, dosing.',
  },
  {
    id: 'treatment-models',
    title: 'Treatment models',
    summary: 'Infusion clinics, ketamine-assisted psychotherapy, esketamine in certified settings, ketamine versus esketamine; monitoring and discharge.',
  },
  {
    id: 'risks',
    title: 'Risks and safety',
    summary: 'Acute effects, misuse, bladder and liver toxicity, contraindications, interactions, driving after treatment.',
  },
  {
    id: 'populations',
    title: 'Special populations',
    summary: 'Children and adolescents, older adults, pregnancy and breastfeeding, liver and kidney disease: label statements and trials.',
  },
  {
    id: 'regulation',
    title: 'Regulation',
    summary: 'Approvals, the esketamine REMS, scheduling, compounding, telehealth and decisions outside the US.',
    officialRecords: true,
  },
  {
    id: 'reference',
    title: 'Reader’s tools',
    summary: 'Glossary, common misconceptions, bibliography, evidence map and editorial policy.',
  },
  {
    id: 'reading-lists',
    title: 'Reading lists',
    summary: 'Assigned reading for training programs, with objectives and reading times.',
  },
  {
    id: 'methods',
    title: 'Methods',
    summary: 'How pages are written, graded and reviewed.',
  },
];

export function sectionOf(docPath: string): Section | undefined {
  const first = docPath.replace(/\\/g, '/').split('/')[0];
  return SECTIONS.find((section) => section.id === first);
}
