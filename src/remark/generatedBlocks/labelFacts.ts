// cspell:ignore infobox metabol
/**
 * Blocks that render label facts from src/data/label-facts.yaml (or the
 * edition's snapshot of it), each fact with a citation of the record it
 * was read from:
 *
 * - `::label-facts{product="esketamine" list="boxed_warning"}`: a list
 *   (boxed warning, indications with approval dates, monitoring,
 *   contraindications, rates, pharmacokinetics);
 * - `::label-fact{product="esketamine" fact="populations.pregnancy"}`: one
 *   statement (also `class`, `schedule`);
 * - `::quick-facts{product="ketamine"}`: the drug's infobox.
 */
import type { List, PhrasingContent, RootContent, TableRow } from 'mdast';
import { formatDate } from '../../citations/format';
import type { SiteIndex } from '../../content/contentIndex';
import { boxedWarningItems, FACT_LISTS, POPULATIONS, type Fact, type Indication, type LabelFacts, type Product } from '../../labelFacts/labelFacts';
import { block, cite, text } from '../shared/nodes';
import type { BlockContext, DataBlock } from './data';

const SINGLE_FACTS = ['class', 'schedule', ...POPULATIONS.map((p) => `populations.${p}`)] as const;

function productOf(site: Partial<SiteIndex>, version: string | undefined, id: string | null | undefined): Product | undefined {
  const all = version ? [site.labelFacts?.get(version)] : [...(site.labelFacts?.values() ?? [])];
  return all.flatMap((facts: LabelFacts | undefined) => facts?.products ?? []).find((p) => p.id === id);
}

function single(product: Product, name: string): Fact | null | undefined {
  if (name.startsWith('populations.')) return product.populations[name.slice('populations.'.length) as keyof Product['populations']];
  return name === 'class' || name === 'schedule' ? product[name] : undefined;
}

const withCite = (value: string, keys: readonly (string | undefined)[]): PhrasingContent[] => {
  const sources = keys.filter((key): key is string => Boolean(key));
  return [text(value.replace(/\.?$/, '')), ...(sources.length ? [cite(sources)] : []), text('.')];
};

function indicationText(item: Indication): PhrasingContent[] {
  if (!item.approved) return withCite(item.text, [item.source]);
  return [
    ...withCite(item.text, [item.source]),
    text(` FDA approval: ${formatDate(item.approved)}`),
    ...(item.approval_source ? [cite([item.approval_source])] : []),
    text('.'),
  ];
}

const bullets = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
});

/** Said under an indications list whose approval dates are not all verified, so no reader takes the missing date for an oversight. */
export const UNVERIFIED_DATES_NOTE =
  'Approval dates are shown only where an FDA record confirming them was seen; the others are not yet verified for this edition.';

function renderList(product: Product, list: string): RootContent[] {
  if (list === 'boxed_warning') {
    const warning = product.boxed_warning;
    if (!warning) return [];
    if (!('items' in warning))
      return [
        { type: 'paragraph', children: [text(`The US label of ${product.name.toLowerCase()} carries no boxed warning`), cite([warning.source]), text('.')] },
      ];
    return [
      { type: 'paragraph', children: [text(`The US label of ${product.brand} carries a boxed warning for these hazards`), cite([warning.source]), text(':')] },
      bullets(warning.items.map((item) => [text(item.text)])),
    ];
  }
  const items = product[list as Exclude<(typeof FACT_LISTS)[number], 'boxed_warning'>];
  if (!items) return [];
  const nodes: RootContent[] = [
    bullets(items.map((item) => (list === 'indications' ? indicationText(item as Indication) : withCite(item.text, [item.source])))),
  ];
  if (list === 'indications' && (items as Indication[]).some((item) => !item.approved))
    nodes.push({ type: 'paragraph', children: [text(UNVERIFIED_DATES_NOTE)] });
  return nodes;
}

function quickFacts(product: Product): RootContent[] {
  const row = (label: string, value: PhrasingContent[]): TableRow => ({
    type: 'tableRow',
    children: [
      { type: 'tableCell', children: [text(label)] },
      { type: 'tableCell', children: value },
    ],
  });
  const rows: TableRow[] = [];
  if (product.class) rows.push(row('Class', withCite(product.class.text, [product.class.source])));
  if (product.schedule) rows.push(row('US schedule', withCite(product.schedule.text, [product.schedule.source])));
  if (product.indications)
    rows.push(
      row(
        'US indications',
        product.indications.flatMap((item, i) => [...(i ? [text(' ')] : []), ...indicationText(item)]),
      ),
    );
  const warning = product.boxed_warning;
  const hazards = boxedWarningItems(product);
  if (warning && hazards) rows.push(row('Boxed warning', [text(hazards.map((item) => item.text).join('; ')), cite([warning.source]), text('.')]));
  else if (warning) rows.push(row('Boxed warning', withCite('None on the current label', [warning.source])));
  if (product.contraindications)
    rows.push(
      row(
        'Contraindications',
        product.contraindications.flatMap((item, i) => [...(i ? [text(' ')] : []), ...withCite(item.text, [item.source])]),
      ),
    );
  for (const item of product.pharmacokinetics ?? []) rows.push(row(pharmacokineticLabel(item), withCite(item.text, [item.source])));
  const unverified = [
    ...(!product.class ? ['class'] : []),
    ...(!product.indications ? ['indications and approval dates'] : product.indications.some((item) => !item.approved) ? ['approval dates'] : []),
    ...(!warning ? ['boxed warning'] : []),
    ...(!product.contraindications ? ['contraindications'] : []),
    ...(!product.pharmacokinetics ? ['pharmacokinetics'] : []),
  ];
  const nodes: RootContent[] = [
    block('aside', { className: ['quick-facts'], ariaLabel: `Quick facts: ${product.name}` }, [
      { type: 'paragraph', children: [{ type: 'strong', children: [text(`${product.name} (${product.brand}): quick facts`)] }] },
      { type: 'table', align: [null, null], children: [row('Fact', [text('From the label')]), ...rows] },
      ...(unverified.length ? [{ type: 'paragraph' as const, children: [text(`Not yet verified for this edition: ${unverified.join(', ')}.`)] }] : []),
    ]),
  ];
  return nodes;
}

function pharmacokineticLabel(item: Fact): string {
  const id = item.id ?? '';
  if (id.startsWith('bioavailability')) return 'Bioavailability';
  if (id.includes('half-life')) return 'Half-life';
  if (id === 'tmax' || id.includes('peak')) return 'Time to peak';
  if (id.includes('metabol')) return 'Metabolism';
  return 'Pharmacokinetics';
}

function checkProduct(site: Partial<SiteIndex>, attributes: Record<string, string | null | undefined>, allowed: readonly string[]): string | undefined {
  const unknown = Object.keys(attributes).filter((key) => !allowed.includes(key));
  if (unknown.length) return `remove ${unknown.map((k) => `\`${k}\``).join(', ')} (this block takes ${allowed.map((a) => `\`${a}\``).join(', ')})`;
  const ids = [...new Set([...(site.labelFacts?.values() ?? [])].flatMap((facts) => facts.products.map((p) => p.id)))];
  if (!productOf(site, undefined, attributes.product)) return `\`product\` must be one of ${ids.join(', ') || '(none: add src/data/label-facts.yaml)'}`;
  return undefined;
}

const productFor = ({ site, root, attributes }: BlockContext) => productOf(site, root.version, attributes.product);

export const labelFactsBlock: DataBlock = {
  description:
    'a list of label facts from src/data/label-facts.yaml (`{product="…" list="boxed_warning|indications|monitoring|contraindications|rates|pharmacokinetics"}`)',
  check(site, attributes) {
    const wrong = checkProduct(site, attributes, ['product', 'list']);
    if (wrong) return wrong;
    if (!(FACT_LISTS as readonly string[]).includes(attributes.list ?? '')) return `\`list\` must be one of ${FACT_LISTS.join(', ')}`;
    const product = productOf(site, undefined, attributes.product)!;
    if (product[attributes.list as (typeof FACT_LISTS)[number]] === null) {
      return `the label facts have no verified \`${attributes.list}\` for ${product.id}: verify them against the label and add them to src/data/label-facts.yaml, or remove this block`;
    }
    return undefined;
  },
  render(context) {
    const product = productFor(context);
    return product ? renderList(product, context.attributes.list ?? '') : [];
  },
};

export const labelFactBlock: DataBlock = {
  description: 'one label statement from src/data/label-facts.yaml (`{product="…" fact="class|schedule|populations.pregnancy|…"}`)',
  check(site, attributes) {
    const wrong = checkProduct(site, attributes, ['product', 'fact']);
    if (wrong) return wrong;
    if (!(SINGLE_FACTS as readonly string[]).includes(attributes.fact ?? '')) return `\`fact\` must be one of ${SINGLE_FACTS.join(', ')}`;
    if (!single(productOf(site, undefined, attributes.product)!, attributes.fact!)) {
      return `the label facts have no verified \`${attributes.fact}\` for ${attributes.product}: verify it against the label and add it to src/data/label-facts.yaml, or remove this block`;
    }
    return undefined;
  },
  render(context) {
    const product = productFor(context);
    const item = product && single(product, context.attributes.fact ?? '');
    if (!product || !item) return [];
    return [
      {
        type: 'paragraph',
        children: [{ type: 'strong', children: [text(`US label, ${product.name.toLowerCase()}: `)] }, ...withCite(item.text, [item.source])],
        data: { hProperties: { className: ['label-fact'] } },
      },
    ];
  },
};

export const quickFactsBlock: DataBlock = {
  description: 'a drug’s quick facts box from src/data/label-facts.yaml (`{product="…"}`)',
  check: (site, attributes) => checkProduct(site, attributes, ['product']),
  render(context) {
    const product = productFor(context);
    return product ? quickFacts(product) : [];
  },
};
