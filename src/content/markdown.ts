/**
 * The Markdown syntax pages are written in, defined once: the validator
 * parses with this processor, and the site configuration passes the same
 * math options to Docusaurus.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath, { type Options as MathOptions } from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Single dollars are not math: "$400 to $800 per infusion" must stay text.
 * Inline math is written `$$x$$` inside a sentence, display math as a
 * paragraph between `$$` lines.
 */
export const MATH_OPTIONS: MathOptions = { singleDollarTextMath: false };

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkMath, MATH_OPTIONS);

export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}
