/**
 * Test helpers: run a Markdown file through the site's remark and rehype
 * plugins the way Docusaurus does (front matter handed in as file data),
 * and stringify the result for snapshot comparison.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { splitFrontMatter } from '../content/contentIndex';
import { MATH_OPTIONS } from '../content/markdown';
import { contentRemarkPlugins } from '../remark';
import failOnMathErrors from '../rehype/mathErrors';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', '__tests__', '__fixtures__');
export const FIXTURE_SITE = join(FIXTURES, 'site');
export const FIXTURE_BIBLIOGRAPHY = join(FIXTURE_SITE, 'references.bib');

export async function renderPage(file: string, siteDir = FIXTURE_SITE): Promise<string> {
  const source = readFileSync(file, 'utf8');
  const vfile = new VFile({ path: file, value: source, data: { frontMatter: splitFrontMatter(source).data } });
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(contentRemarkPlugins({ bibliographyPath: FIXTURE_BIBLIOGRAPHY, siteDir, today: () => new Date('2026-11-21') }))
    .use(remarkMath, MATH_OPTIONS)
    .use(remarkRehype)
    .use(rehypeKatex)
    .use(failOnMathErrors)
    .use(rehypeStringify);
  return String(await processor.process(vfile));
}
