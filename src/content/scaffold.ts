/**
 * The starting text of a new page: valid front matter and the sections
 * every page of its kind needs, with prompts where the writer's words go.
 * The page passes validation as soon as it cites a source.
 */
import { SECTIONS } from './sections';

export class ScaffoldError extends Error {}

export function titleFromSlug(slug: string): string {
  const words = slug.split('-').filter(Boolean);
  return words.map((word, i) => (i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');
}

export function scaffoldPage(sectionId: string, slug: string, today: string): string {
  const section = SECTIONS.find((s) => s.id === sectionId);
  if (!section || sectionId === 'methods' || sectionId === 'reading-lists') {
    const allowed = SECTIONS.filter((s) => s.id !== 'methods' && s.id !== 'reading-lists').map((s) => s.id);
    throw new ScaffoldError(`unknown section "${sectionId}": use one of ${allowed.join(', ')}`);
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new ScaffoldError(`"${slug}" is not a valid page name: use lower-case words joined by hyphens, e.g. eating-disorders`);
  }
  const official = Boolean(section.officialRecords);
  // Mechanism and pharmacology pages describe rather than estimate an effect, so they start with a descriptive label.
  const descriptive = section.id === 'mechanism' || section.id === 'routes';
  const findings = section.requiresFindings
    ? `
## Summary of findings

:::findings
| Outcome | Effect | Studies (participants) | Certainty | Citations |
| --- | --- | --- | --- | --- |
| TODO outcome, comparison and time point | TODO effect as the source reports it | TODO number of studies (n = participants) | Very low | |
:::
`
    : '';
  return `---
title: ${titleFromSlug(slug)}
description: TODO one or two sentences, 50 to 200 characters, on what this page answers for a clinician.
bottom_line: TODO one or two sentences a clinician can act on, with the citation that supports them.
evidence:
  question: TODO one line naming the population, intervention, comparator and outcome this label grades.
  certainty: ${official ? 'official-record' : descriptive ? 'limited-human' : 'very-low'}
  basis: [${official ? 'official-record' : descriptive ? 'case-series' : 'randomized-trials'}]
  rationale: TODO one line on what raises or lowers certainty for the page's main question.
key_points:
  - TODO first key point a busy clinician can act on, with its citation.
  - TODO second key point.
  - TODO third key point.
last_reviewed: ${today}
literature_searched: ${today}
---

## In plain language

TODO three to six sentences a patient could follow.

## TODO clinician detail

TODO every factual sentence ends with a citation (an @ sign and a bibliography key in square brackets), checked against its PubMed record.
${findings}
## What remains uncertain

TODO what the studies have not settled.
`;
}
