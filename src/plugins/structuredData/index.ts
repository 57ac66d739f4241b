/**
 * Writes schema.org JSON-LD (a MedicalWebPage with its review date,
 * reviewer and cited works) into the head of every topic page's HTML after
 * the build. Done here rather than in the page's React tree so the data is
 * in the static HTML without adding to the JavaScript every reader loads.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { loadBibliography } from '../../citations/bibliography';
import { jsonLdScript, medicalWebPage } from '../../citations/schemaOrg';
import { summarizePage } from '../../content/contentIndex';

export interface StructuredDataOptions {
  readonly siteDir: string;
  readonly baseUrl: string;
  readonly outDir: string;
  readonly siteUrl: string;
  readonly siteTitle: string;
  readonly bibliographyPath: string;
}

const isoDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined);

/** The HTML file Docusaurus wrote for a permalink (trailing slash off: `a/b.html`, or `a/b/index.html`). */
export function htmlFileFor(outDir: string, permalink: string, baseUrl: string): string | undefined {
  const path = permalink.slice(baseUrl.replace(/\/$/, '').length).replace(/\/$/, '');
  return [join(outDir, `${path}.html`), join(outDir, path, 'index.html')].find((file) => existsSync(file));
}

export function writeStructuredData(docs: LoadedContent, options: StructuredDataOptions): number {
  const { references } = loadBibliography(options.bibliographyPath);
  let written = 0;
  for (const version of docs.loadedVersions) {
    for (const doc of version.docs) {
      const frontMatter = doc.frontMatter as Record<string, unknown>;
      if (typeof frontMatter.evidence !== 'object' || frontMatter.evidence === null) continue;
      const html = htmlFileFor(options.outDir, doc.permalink, options.baseUrl);
      if (!html) continue;
      const source = join(options.siteDir, doc.source.replace(/^@site\//, ''));
      const cited = summarizePage(dirname(source), source, readFileSync(source, 'utf8'))
        .citedKeys.map((key) => references.get(key))
        .filter((reference) => reference !== undefined);
      const data = medicalWebPage(
        {
          title: doc.title,
          description: doc.description,
          url: `${options.siteUrl}${doc.permalink}`,
          lastReviewed: isoDate(frontMatter.last_reviewed),
          reviewedBy: typeof frontMatter.reviewed_by === 'string' ? frontMatter.reviewed_by : undefined,
          siteTitle: options.siteTitle,
          siteUrl: options.siteUrl,
        },
        cited,
      );
      writeFileSync(html, readFileSync(html, 'utf8').replace('</head>', `${jsonLdScript(data)}</head>`));
      written += 1;
    }
  }
  return written;
}
