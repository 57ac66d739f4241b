/**
 * Label facts, defined once: boxed warnings, indications with their
 * approval dates, monitoring requirements, contraindications, statements
 * for special populations, key rates and pharmacokinetics of each product,
 * each with the record it was read from (src/data/label-facts.yaml). Pages
 * render them through generated blocks (`::label-facts`, `::label-fact`,
 * `::quick-facts`), so no two pages can state a label differently.
 *
 * A `null` value means the fact has not been verified against the record
 * for this edition. It is never shown as "none": a block that asks for it
 * is refused until the fact is verified.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import type { Problem } from '../content/problems';

const text = z.string().trim().min(3).max(600);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'write the date as YYYY-MM-DD' });

const fact = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  text,
  source: z.string().regex(/^[a-z]+\d{4}[a-z]+$/, { error: 'give the bibliography key of the record the fact was read from' }),
  location: text,
  /** Traceability only: the record's words, never published. */
  quote: z.string().trim().min(3).max(400),
});

const indication = fact.extend({
  approved: isoDate.nullable().optional(),
  approval_source: z
    .string()
    .regex(/^[a-z]+\d{4}[a-z]+$/)
    .optional(),
  approval_location: text.optional(),
  approval_quote: z.string().trim().min(3).max(400).optional(),
});

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).nullable();

export const POPULATIONS = ['pregnancy', 'lactation', 'pediatric', 'geriatric', 'hepatic', 'renal'] as const;
export type Population = (typeof POPULATIONS)[number];

const product = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: text,
  brand: z.string().trim().min(2).max(40),
  label: z.string().regex(/^[a-z]+\d{4}[a-z]+$/),
  class: fact.nullable(),
  schedule: fact.nullable(),
  /**
   * The hazards of the boxed warning; or `none: true` when the label was
   * read and carries no boxed warning (cited like any fact, so "none" is a
   * verified statement); or `null` when the label has not been checked.
   */
  boxed_warning: z
    .union([
      z.strictObject({
        source: fact.shape.source,
        location: text,
        quote: fact.shape.quote,
        items: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), text: z.string().trim().min(3).max(80) })).min(1),
      }),
      z.strictObject({ none: z.literal(true), source: fact.shape.source, location: text, quote: fact.shape.quote }),
    ])
    .nullable(),
  indications: list(indication),
  monitoring: list(fact),
  contraindications: list(fact),
  populations: z.strictObject(Object.fromEntries(POPULATIONS.map((p) => [p, fact.nullable()])) as Record<Population, z.ZodNullable<typeof fact>>),
  rates: list(fact),
  pharmacokinetics: list(fact),
});

export const labelFactsSchema = z.strictObject({ products: z.array(product).min(1) });
export type LabelFacts = z.output<typeof labelFactsSchema>;
export type Product = LabelFacts['products'][number];
export type Fact = z.output<typeof fact>;
export type Indication = z.output<typeof indication>;
export type BoxedWarning = NonNullable<Product['boxed_warning']>;

/** The hazards of a boxed warning, or undefined when the label carries none (or it is not verified). */
export function boxedWarningItems(product: Product): { id: string; text: string }[] | undefined {
  const warning = product.boxed_warning;
  return warning && 'items' in warning ? warning.items : undefined;
}

/** The lists a `::label-facts{list=…}` block can render. */
export const FACT_LISTS = ['boxed_warning', 'indications', 'monitoring', 'contraindications', 'rates', 'pharmacokinetics'] as const;
export type FactList = (typeof FACT_LISTS)[number];

/** Every bibliography key the file cites, for the check that each exists and for the "cited" count. */
export function keysOf(facts: LabelFacts): string[] {
  const keys = new Set<string>();
  const add = (item: { source: string; approval_source?: string } | null | undefined) => {
    if (item?.source) keys.add(item.source);
    if (item?.approval_source) keys.add(item.approval_source);
  };
  for (const p of facts.products) {
    keys.add(p.label);
    [p.class, p.schedule, ...Object.values(p.populations)].forEach(add);
    if (p.boxed_warning) keys.add(p.boxed_warning.source);
    for (const name of ['indications', 'monitoring', 'contraindications', 'rates', 'pharmacokinetics'] as const) p[name]?.forEach(add);
  }
  return [...keys];
}

/** Reads and checks the label-facts file; every problem positioned, never an exception. */
export function readLabelFacts(path: string, knownKeys: ReadonlySet<string>): { facts?: LabelFacts; problems: Problem[] } {
  const problems: Problem[] = [];
  try {
    const counter = new LineCounter();
    const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    const at = (offset: number) => {
      const { line, col } = counter.linePos(offset);
      return { line, column: col };
    };
    for (const error of document.errors)
      problems.push({ file: path, ...at(error.pos[0]), ruleId: 'label-facts-invalid', message: `fix the YAML syntax (${error.message.split('\n')[0]})` });
    if (problems.length) return { problems };
    const result = labelFactsSchema.safeParse(document.toJS({ maxAliasCount: 20 }));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const node = document.getIn(issue.path as unknown[], true) as { range?: [number, number, number] } | undefined;
        problems.push({
          file: path,
          ...(node?.range ? at(node.range[0]) : { line: 1, column: 1 }),
          ruleId: 'label-facts-invalid',
          message: `\`${issue.path.join('.')}\`: ${issue.message}`,
        });
      }
      return { problems };
    }
    for (const key of keysOf(result.data)) {
      if (!knownKeys.has(key))
        problems.push({
          file: path,
          line: 1,
          column: 1,
          ruleId: 'citation-unknown-key',
          message: `the label facts cite \`${key}\`, which is not in the bibliography: add the record or correct the key`,
        });
    }
    return { facts: result.data, problems };
  } catch (error) {
    return {
      problems: [
        {
          file: path,
          line: 1,
          column: 1,
          ruleId: 'label-facts-invalid',
          message: `the file cannot be read (${(error as Error).message.split('\n')[0]}): restore it`,
        },
      ],
    };
  }
}

/** One published statement of a label-facts file, for comparing editions. */
export interface Statement {
  readonly product: string;
  readonly topic: string;
  readonly text: string;
  readonly source: string;
}

const TOPIC_NAMES: Record<string, string> = {
  class: 'class',
  schedule: 'schedule',
  boxed_warning: 'boxed warning',
  indications: 'indication',
  monitoring: 'monitoring',
  contraindications: 'contraindication',
  rates: 'rate',
  pharmacokinetics: 'pharmacokinetics',
};

/**
 * Every statement a file publishes, keyed by product, topic and item id (or
 * position), with what a reader sees: the text, an indication's approval
 * date, and the record it is cited to. Two editions' maps compare directly
 * ("What changed in this edition").
 */
export function statementsOf(facts: LabelFacts): Map<string, Statement> {
  const out = new Map<string, Statement>();
  for (const p of facts.products) {
    const product = p.brand;
    const put = (topic: string, id: string, item: { text: string; source: string; approved?: string | null }) =>
      out.set(`${p.id}/${topic}/${id}`, {
        product,
        topic: TOPIC_NAMES[topic] ?? `${topic} (use in specific populations)`,
        text: item.approved ? `${item.text} (approved ${item.approved})` : item.text,
        source: item.source,
      });
    if (p.class) put('class', 'class', p.class);
    if (p.schedule) put('schedule', 'schedule', p.schedule);
    const warning = p.boxed_warning;
    if (warning) {
      if ('items' in warning) warning.items.forEach((item) => put('boxed_warning', item.id, { text: item.text, source: warning.source }));
      else put('boxed_warning', 'none', { text: 'No boxed warning', source: warning.source });
    }
    for (const name of ['indications', 'monitoring', 'contraindications', 'rates', 'pharmacokinetics'] as const) {
      p[name]?.forEach((item, index) => put(name, item.id ?? String(index + 1), item));
    }
    for (const population of POPULATIONS) {
      const item = p.populations[population];
      if (item) put(population, population, item);
    }
  }
  return out;
}
