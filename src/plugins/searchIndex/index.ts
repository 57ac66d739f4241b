/**
 * Writes the search index of every edition into the build
 * (search-index/<version>/docs.json and one file per shard), from the
 * pages' Markdown: title, description, key points, headings and text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { splitFrontMatter } from '../../content/contentIndex';
import { sectionOf } from '../../content/sections';
import { buildIndex, indexPath, type IndexedPage } from '../../search/searchIndex';

/** Headings and running text of a Markdown body, without markup, citations, math or code. */
export function pageText(body: string): { headings: string; text: string } {
  const clean = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\[@[^\]]*\]/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\{#[a-z0-9-]+\}/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  const headings: string[] = [];
  const text: string[] = [];
  for (const line of clean.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) headings.push(heading[1]!);
    else if (!/^:{2,3}/.test(line)) text.push(line.replace(/[|*_`>[\]-]/g, ' '));
  }
  return { headings: headings.join(' '), text: text.join(' ') };
}

export function writeSearchIndexes(docs: LoadedContent, options: { siteDir: string; outDir: string }): number {
  let files = 0;
  for (const version of docs.loadedVersions) {
    const pages: IndexedPage[] = version.docs.map((doc) => {
      const source = readFileSync(join(options.siteDir, doc.source.replace(/^@site\//, '')), 'utf8');
      const { data, body } = splitFrontMatter(source);
      const keyPoints = Array.isArray(data.key_points) ? data.key_points.join(' ') : '';
      const { headings, text } = pageText(body);
      return {
        t: doc.title,
        u: doc.permalink,
        s: sectionOf(doc.id)?.title ?? '',
        headings,
        text: `${doc.description} ${keyPoints} ${text}`,
      };
    });
    const { documents, shards } = buildIndex(pages);
    const dir = join(options.outDir, indexPath(version.versionName));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'docs.json'), JSON.stringify(documents));
    for (const [key, shard] of shards) writeFileSync(join(dir, `${key}.json`), JSON.stringify(shard));
    files += shards.size + 1;
  }
  return files;
}
