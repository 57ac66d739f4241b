/**
 * Synthetic content for the benchmark: N topic pages of realistic length
 * (headings, paragraphs, a table, citations to real bibliography keys, a
 * formula on some pages; on condition pages a findings table and a
 * `::synthesis` block, which renders a summary of findings and forest plots
 * from a synthetic trial dataset), every field the current content rules
 * require (bottom line, the label's question, literature-search date), plus
 * the pages the site's navigation links to, so the same Markdown builds
 * under both this site's configuration and a stock one. Deterministic: the
 * same N gives the same files.
 *
 * The numbers are invented and never published: these sites exist only in
 * .benchmark/ while the benchmark runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SECTIONS } from '../content/sections';

/** The trial dataset the condition pages' `::synthesis` blocks render (written only into our site). */
export const SYNTHETIC_DATASET_ID = 'benchmark-comparison';

/** Pages the navbar, footer and home page link to; they must exist for the strict link check. */
const LINKED_PAGES = [
  'conditions/treatment-resistant-depression.md',
  'risks/contraindications-and-precautions.md',
  'regulation/united-states.md',
  'routes/pharmacokinetics.md',
  'methods/how-we-grade-evidence.md',
];
const GUIDE_PAGES: Record<string, string> = {
  'reference/evidence-map.md': '::evidence-map',
  'reference/bibliography.md': '::bibliography',
  'reference/glossary.md': '::glossary',
  'reference/editorial-policy.md': 'How pages are written and reviewed.',
  'reading-lists/index.md': 'Reading lists for training programs.',
};

const WORDS =
  'ketamine esketamine infusion trial response remission depression placebo midazolam dose week participants outcome blood pressure dissociation monitoring evidence certainty effect interval review clinicians sessions maintenance relapse protocol adverse events plasma route measured reported baseline follow-up scale'.split(
    ' ',
  );

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function sentence(next: () => number, keys: readonly string[], cite: boolean): string {
  const length = 14 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  const citation = cite ? ` [@${keys[Math.floor(next() * keys.length)]}]` : '';
  return `${words.join(' ')}${citation}.`;
}

function paragraph(next: () => number, keys: readonly string[]): string {
  return Array.from({ length: 5 }, (_, i) => sentence(next, keys, i % 2 === 1)).join(' ');
}

export function syntheticPage(index: number, section: string, keys: readonly string[], title?: string): string {
  const next = random(index + 1);
  const condition = section === 'conditions';
  const official = section === 'regulation';
  const keyPoint = () => sentence(next, keys, true);
  const body: string[] = [`## In plain language\n\n${paragraph(next, keys)}`];
  for (let h = 1; h <= 5; h += 1) {
    body.push(`## Detail section ${h}\n\n${paragraph(next, keys)}\n\n${paragraph(next, keys)}`);
    if (h === 2) body.push(`### Subsection ${h}.1\n\n${paragraph(next, keys)}`);
  }
  body.push(
    '## Doses studied\n\n| Route | Dose | Schedule | Source |\n| --- | --- | --- | --- |\n' +
      Array.from({ length: 4 }, (_, r) => `| Route ${r + 1} | ${(0.1 + r * 0.1).toFixed(1)} mg/kg | weekly | [@${keys[(index + r) % keys.length]}] |`).join(
        '\n',
      ),
  );
  if (index % 3 === 0) body.push('## Formula\n\n$$\nC(t) = \\frac{F \\cdot D \\cdot k_a}{V (k_a - k)} \\left(e^{-k t} - e^{-k_a t}\\right)\n$$');
  if (condition) {
    body.push(
      '## Summary of findings\n\n:::findings\n| Outcome | Effect | Studies (participants) | Certainty | Citations |\n| --- | --- | --- | --- | --- |\n' +
        ['Response at 24 hours', 'Remission at 4 weeks', 'Serious adverse events']
          .map(
            (o, r) =>
              `| ${o} | RR 1.${r + 2} (95% CI 1.0 to 2.${r}) | ${r + 2} RCTs (n = ${120 + r * 40}) | ${['Low', 'Moderate', 'Very low'][r]} | [@${keys[(index + r) % keys.length]}] |`,
          )
          .join('\n') +
        '\n:::',
    );
    body.push(`## Pooled results\n\n::synthesis{dataset="${SYNTHETIC_DATASET_ID}"}`);
  }
  body.push(`## What remains uncertain\n\n${paragraph(next, keys)}`);
  return `---
title: ${title ?? `Synthetic topic ${index}`}
description: A synthetic page generated for the build benchmark, with realistic length, headings, tables and citations.
bottom_line: ${sentence(next, keys, true)}
sidebar_position: ${index % 1000}
evidence:
  question: Synthetic question for page ${index} of the build benchmark, in adults.
  certainty: ${official ? 'official-record' : ['low', 'moderate', 'very-low', 'high'][index % 4]}
  basis: [${official ? 'official-record' : 'randomized-trials, systematic-reviews'}]
  rationale: Synthetic rationale explaining what lowers certainty for this generated page.
key_points:
  - ${keyPoint()}
  - ${keyPoint()}
  - ${keyPoint()}
last_reviewed: 2026-11-21
literature_searched: 2026-11-21
---

${body.join('\n\n')}
`;
}

/**
 * A trial dataset with two outcomes (a risk ratio and a mean difference)
 * over six studies, so each `::synthesis` block draws a summary-of-findings
 * table and two forest plots with their data tables, as a real comparison
 * does. Invented numbers; the study references are real bibliography keys.
 */
export function syntheticDataset(keys: readonly string[]): string {
  const studies = Array.from({ length: 6 }, (_, i) => {
    const n = 20 + i * 7;
    return `  - id: study${i + 1}
    label: Study ${i + 1}
    reference: ${keys[i % keys.length]}
    design: parallel
    population: ${2 * n} synthetic adults
    intervention: synthetic treatment
    comparator: placebo
    randomized: { intervention: ${n}, control: ${n} }
    randomized_source: { location: Synthetic, quote: "${n} and ${n}" }
    results:
      - outcome: response-24h
        intervention: { events: ${Math.round(n * (0.35 + i * 0.04))}, n: ${n} }
        control: { events: ${Math.round(n * (0.15 + (i % 3) * 0.03))}, n: ${n} }
        source: { location: Synthetic table, quote: "synthetic counts" }
      - outcome: score-24h
        intervention: { mean: ${(18 - i * 0.8).toFixed(1)}, sd: ${(8 + (i % 2)).toFixed(1)}, n: ${n} }
        control: { mean: ${(25 - (i % 3)).toFixed(1)}, sd: ${(7.5 + (i % 3) * 0.5).toFixed(1)}, n: ${n} }
        source: { location: Synthetic figure, quote: "synthetic means" }`;
  });
  return `# Synthetic dataset for the build benchmark; never published.
id: ${SYNTHETIC_DATASET_ID}
title: Synthetic treatment vs placebo (benchmark)
question:
  population: Synthetic adults
  intervention: Synthetic treatment
  comparator: Placebo
labels: { intervention: Treatment, comparator: Placebo }
eligibility: Synthetic randomized trials.
searched: 2026-11-21
outcomes:
  - id: response-24h
    label: Response at 24 hours
    kind: binary
    measure: RR
    definition: 50% or greater fall on the synthetic scale
    time_point: 24 hours
    good: higher
    grade:
      certainty: low
      domains:
        - domain: risk-of-bias
          change: -1
          reason: Synthetic trials could reveal allocation.
        - domain: imprecision
          change: -1
          reason: Few synthetic participants.
  - id: score-24h
    label: Depression score at 24 hours
    kind: continuous
    measure: MD
    definition: Synthetic depression scale, 0 to 60
    time_point: 24 hours
    good: lower
    grade:
      certainty: moderate
      domains:
        - domain: risk-of-bias
          change: -1
          reason: Synthetic trials could reveal allocation.
studies:
${studies.join('\n')}
`;
}

function guidePage(title: string, body: string): string {
  return `---\ntitle: ${title}\ndescription: A synthetic guide page generated for the build benchmark so the site's links resolve.\npage_type: guide\nlast_reviewed: 2026-11-21\n---\n\n${body}\n`;
}

/** Writes `count` pages (section indexes, linked pages and numbered topics) into `docsDir`; returns how many. */
export function writeSyntheticDocs(docsDir: string, count: number, keys: readonly string[]): number {
  const write = (path: string, text: string) => {
    const file = join(docsDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  let written = 0;
  write('index.md', guidePage('Start here', 'Synthetic site for the benchmark.'));
  written += 1;
  for (const section of SECTIONS) {
    write(`${section.id}/index.md`, guidePage(section.title, section.summary));
    written += 1;
  }
  for (const [path, body] of Object.entries(GUIDE_PAGES)) {
    write(path, guidePage(path.split('/')[1]!.replace('.md', ''), body));
    written += 1;
  }
  const sections = SECTIONS.filter((s) => !['reference', 'methods', 'reading-lists'].includes(s.id)).map((s) => s.id);
  LINKED_PAGES.forEach((path, i) => {
    const section = path.split('/')[0]!;
    // `::synthesis` links to the methods page's #synthesis section.
    const methods = guidePage('How we grade evidence', '::evidence-scale\n\n## How pooled results are computed {#synthesis}\n\nSynthetic methods text.');
    write(path, section === 'methods' ? methods : syntheticPage(10_000 + i, section, keys, path));
    written += 1;
  });
  for (let i = 1; written < count; i += 1) {
    const section = sections[i % sections.length]!;
    write(`${section}/topic-${String(i).padStart(4, '0')}.md`, syntheticPage(i, section, keys));
    written += 1;
  }
  return written;
}
