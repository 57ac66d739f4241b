/**
 * What a reader can take to a reference manager: a page's references as
 * BibTeX, RIS and CSL-JSON, all written by citation-js from the same CSL
 * items the page renders, so the three downloads and the reference list
 * can never disagree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl';
import { referenceDownloadPath, REFERENCE_FORMATS, type ReferenceFormat } from '../content/pageCitation';
import type { Reference } from './reference';

/** The marker that keeps a shortened author list reading as shortened in reference managers. */
const ET_AL = 'et al.';

/**
 * The CSL item for export. A list cut short in the source gets a final
 * "et al." name, so RIS and CSL-JSON do not read as complete; PubMed ids go
 * in the fields reference managers know (CSL `PMID`, `PMCID`).
 */
function exportItem(reference: Reference): CslItem {
  const item: CslItem = { ...reference.csl };
  if (reference.moreAuthors) item.author = [...(item.author ?? []), { literal: ET_AL }];
  if (reference.pmid) item.PMID = reference.pmid;
  if (reference.pmcid) item.PMCID = reference.pmcid;
  return item;
}

export function toCslJson(references: readonly Reference[]): string {
  return `${JSON.stringify(references.map(exportItem), null, 2)}\n`;
}

export function toRis(references: readonly Reference[]): string {
  // plugin-ris registers the 'ris' format at run time; core's types list only the built-in ones.
  return new Cite(references.map(exportItem)).format('ris' as 'bibtex', { spec: 'new' } as { format?: string }) as string;
}

/**
 * BibTeX from citation-js (TeX-escaped accents, `--` dashes). In BibTeX a
 * shortened list ends with the keyword `others`, which BibTeX tools render
 * as "et al."; citation-js writes the marker as a braced name, so it is
 * turned into the keyword.
 */
export function toBibtex(references: readonly Reference[]): string {
  const text = new Cite(references.map(exportItem)).format('bibtex') as string;
  return text.replaceAll(` and {${ET_AL}}`, ' and others').replace(/\n{3,}/g, '\n\n');
}

/** Writes a page's references as BibTeX, RIS and CSL-JSON beside the page, from the same CSL items its list renders. */
export function writeReferenceDownloads(outDir: string, sitePath: string, references: readonly Reference[]): void {
  const bodies: Record<ReferenceFormat, string> = { bib: toBibtex(references), ris: toRis(references), json: toCslJson(references) };
  for (const format of REFERENCE_FORMATS) {
    const target = join(outDir, referenceDownloadPath(sitePath, format));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bodies[format]);
  }
}
