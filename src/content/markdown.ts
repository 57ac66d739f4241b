/**
 * The Markdown syntax pages are written in, defined once: the content
 * index parses every page with this processor, and the site configuration
 * passes the same math and KaTeX options to Docusaurus.
 */
import type { Root } from 'mdast';
import type { KatexOptions } from 'katex';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath, { type Options as MathOptions } from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import citeNodes from '../remark/citeNodes';

/**
 * Single dollars are not math: "$400 to $800 per infusion" must stay text.
 * Inline math is written `$$x$$` inside a sentence, display math as a
 * paragraph between `$$` lines.
 */
export const MATH_OPTIONS: MathOptions = { singleDollarTextMath: false };

/**
 * KaTeX limits, for the checker and for rehype-katex alike. `trust: false`
 * refuses \href, \url and \includegraphics; `maxSize` caps every size a
 * formula can ask for (a `\rule{1000em}{1000em}` would otherwise stretch a
 * page to 100,000 pixels); `maxExpand` stops macro loops; `strict: 'error'`
 * refuses input KaTeX would only warn about. The checker also refuses a
 * formula that asks for more than `maxSize`, so nothing is clamped silently.
 */
export const KATEX_OPTIONS = {
  trust: false,
  maxSize: 10,
  maxExpand: 200,
  strict: 'error',
  throwOnError: true,
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;

/**
 * How formulas are published: MathML only, which browsers lay out
 * themselves (MathML Core in Chromium since version 109, Firefox and Safari
 * for longer), so pages need neither KaTeX's stylesheet nor its fonts, and a
 * formula is a few hundred bytes instead of several kilobytes of positioned
 * spans. The checker keeps `KATEX_OPTIONS` (HTML and MathML): only KaTeX's
 * HTML output shows every size `maxSize` clamps (a `\raisebox` offset,
 * for one), so an oversized formula is still refused by name.
 */
export const KATEX_RENDER_OPTIONS = { ...KATEX_OPTIONS, output: 'mathml' } as const satisfies KatexOptions;

const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective).use(remarkMath, MATH_OPTIONS).use(citeNodes);

/** Parses a page (or an inline field) into mdast with citation nodes. */
export function parseMarkdown(source: string): Root {
  return processor.runSync(processor.parse(source));
}
