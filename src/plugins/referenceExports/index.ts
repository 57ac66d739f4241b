/**
 * Writes each page's reference list beside the page as BibTeX and RIS, for
 * readers who take the references into a reference manager ("Cite this
 * page" links to them). Runs once after the build, from the docs plugin's
 * loaded content; no per-page work happens during compilation.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { loadBibliography } from '../../citations/bibliography';
import { toBibtex, toRis } from '../../citations/format';
import { summarizePage } from '../../content/contentIndex';
import { referenceDownloadPath } from '../../content/pageCitation';

export function writeReferenceExports(docs: LoadedContent, options: { siteDir: string; baseUrl: string; outDir: string; bibliographyPath: string }): number {
  const { references } = loadBibliography(options.bibliographyPath);
  const base = options.baseUrl.replace(/\/$/, '');
  let written = 0;
  for (const version of docs.loadedVersions) {
    for (const doc of version.docs) {
      const file = join(options.siteDir, doc.source.replace(/^@site\//, ''));
      const keys = summarizePage(dirname(file), file, readFileSync(file, 'utf8')).citedKeys.filter((key) => references.has(key));
      if (keys.length === 0) continue;
      const permalink = doc.permalink.slice(base.length);
      for (const format of ['bib', 'ris'] as const) {
        const target = join(options.outDir, referenceDownloadPath(permalink, format));
        mkdirSync(dirname(target), { recursive: true });
        const body = keys.map((key) => (format === 'bib' ? toBibtex(references.get(key)!) : toRis(references.get(key)!)));
        writeFileSync(target, body.join(format === 'bib' ? '\n' : ''));
        written += 1;
      }
    }
  }
  return written;
}
