/**
 * Test helpers: load a fixture site through the content index, and render
 * one of its pages the way the build does (the prepared tree, then
 * remark-rehype, rehype-katex with the site's limits, the sanitizer), as
 * HTML for snapshot comparison.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { loadSite, type SiteIndex } from '../content/contentIndex';
import { KATEX_RENDER_OPTIONS } from '../content/markdown';
import { PATHS } from '../content/paths';
import { preparePage } from '../content/prepare';
import failOnMathErrors from '../rehype/mathErrors';
import sanitizeContent from '../rehype/sanitize';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', '__tests__', '__fixtures__');
export const FIXTURE_SITE = join(FIXTURES, 'site');
export const FIXTURE_BIBLIOGRAPHY = join(FIXTURE_SITE, 'references.bib');
export const TODAY = new Date('2026-11-21');

/** A fixture site's paths: its own docs, bibliography and data, the site's citation style. */
export function fixtureSite(siteDir = FIXTURE_SITE, today = TODAY): SiteIndex {
  return loadSite({
    siteDir,
    today,
    paths: {
      bibliography: join(siteDir, 'references.bib'),
      data: join(siteDir, 'data'),
      glossary: join(siteDir, 'data', 'glossary.json'),
      pkParameters: join(siteDir, 'data', 'pk-parameters.json'),
      trials: join(siteDir, 'data', 'trials'),
      labelFacts: join(siteDir, 'data', 'label-facts.yaml'),
      citationStyle: PATHS.citationStyle,
    },
  });
}

export function pageOf(site: SiteIndex, docPath: string, version = 'current') {
  const page = site.roots.find((root) => root.version === version)?.byDocPath.get(docPath);
  if (!page) throw new Error(`no page ${docPath} in ${version}: ${site.problems.map((p) => p.message).join('; ')}`);
  return page;
}

/** Renders a prepared tree to HTML with the build's rehype steps. */
export async function toHtml(tree: Root, path = 'page.md'): Promise<string> {
  const processor = unified().use(remarkRehype).use(rehypeKatex, KATEX_RENDER_OPTIONS).use(failOnMathErrors).use(sanitizeContent).use(rehypeStringify);
  const file = new VFile({ path });
  return String(processor.stringify(await processor.run(structuredClone(tree), file), file));
}

export async function renderPage(site: SiteIndex, docPath: string, version = 'current'): Promise<string> {
  const page = pageOf(site, docPath, version);
  return toHtml(preparePage(site, page).tree, page.file);
}
