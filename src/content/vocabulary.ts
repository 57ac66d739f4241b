/**
 * What content may contain beyond plain Markdown, defined once.
 *
 * Pages are Markdown and cannot run code. The only custom elements are the
 * directives below; the validator rejects every other directive, all MDX
 * syntax, and raw HTML except a few harmless inline tags.
 */

/** Callout boxes (Docusaurus admonitions). */
export const CALLOUT_DIRECTIVES = ['note', 'tip', 'info', 'warning', 'danger'] as const;

/** Block directives the site expands; `:::findings` wraps a summary-of-findings table. */
export const CONTAINER_DIRECTIVES = [...CALLOUT_DIRECTIVES, 'findings'] as const;

/**
 * Leaf directives generate content at build time from the site's own data,
 * e.g. `::evidence-map` renders the evidence map.
 */
export const GENERATED_BLOCKS: Readonly<Record<string, string>> = {
  'evidence-scale': 'the certainty levels and evidence types, from src/evidence/levels.ts',
  'evidence-map': 'every topic page with its label, grouped by section (`{section="conditions"}` for one section)',
  bibliography: 'every reference with the pages that cite it',
  'pk-figure': 'the plasma-concentration figure and table, from src/data/pk-parameters.json',
  'review-queue': 'pages whose next review is due',
  glossary: 'the glossary, from src/data/glossary.json',
  'reading-list': 'a reading list page, from its own front matter (`readings`)',
  'what-changed': 'what changed since the previous edition: pages, labels and references',
  synthesis: 'a comparison’s summary of findings and forest plots, computed from its trial dataset (`{dataset="id"}`)',
  'label-facts': 'a list of label facts (`{product="esketamine" list="boxed_warning"}`)',
  'label-fact': 'one label statement (`{product="esketamine" fact="populations.pregnancy"}`)',
  'quick-facts': 'a drug’s quick facts box from the label facts (`{product="ketamine"}`)',
};

/** Raw HTML tags allowed in content: inline formatting only, without attributes. */
export const ALLOWED_HTML = ['br', 'sub', 'sup'] as const;

/** Tags that would run or embed code: named in their own message because the risk is not style. */
export const DANGEROUS_HTML = [
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'portal',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
] as const;
