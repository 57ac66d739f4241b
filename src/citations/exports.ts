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
export function exportItem(reference: Reference): CslItem {
  const item: CslItem = { ...reference.csl };
  if (reference.moreAuthors) item.author = [...(item.author ?? []), { literal: ET_AL }];
  if (reference.pmid) item.PMID = reference.pmid;
  if (reference.pmcid) item.PMCID = reference.pmcid;
  return item;
}

export function toCslJson(references: readonly Reference[]): string {
  return `${JSON.stringify(references.map(exportItem), null, 2)}\n`;
}

// plugin-ris registers the 'ris' format at run time; core's types list only the built-in ones.
const risOf = (items: CslItem[]) => new Cite(items).format('ris' as 'bibtex', { spec: 'new' } as { format?: string }) as string;
const bibtexOf = (items: CslItem[]) => new Cite(items).format('bibtex') as string;

/**
 * Each reference is converted once per build, however many pages cite it
 * (citation-js is the slow part of the downloads). A list is its entries
 * joined as citation-js joins them: RIS records by a newline, BibTeX
 * entries by a newline with a blank line at the end; a unit test holds
 * this against citation-js converting whole lists.
 */
const entryCache = { ris: new WeakMap<Reference, string>(), bibtex: new WeakMap<Reference, string>() };
function entry(format: 'ris' | 'bibtex', reference: Reference): string {
  let text = entryCache[format].get(reference);
  if (text === undefined) {
    text = format === 'ris' ? risOf([exportItem(reference)]) : bibtexOf([exportItem(reference)]).replace(/\n+$/, '');
    entryCache[format].set(reference, text);
  }
  return text;
}

export function toRis(references: readonly Reference[]): string {
  return references.length === 0 ? risOf([]) : references.map((reference) => entry('ris', reference)).join('\n');
}

/**
 * BibTeX from citation-js (TeX-escaped accents, `--` dashes). In BibTeX a
 * shortened list ends with the keyword `others`, which BibTeX tools render
 * as "et al."; citation-js writes the marker as a braced name, so it is
 * turned into the keyword.
 */
export function toBibtex(references: readonly Reference[]): string {
  const text = references.length === 0 ? bibtexOf([]) : `${references.map((reference) => entry('bibtex', reference)).join('\n')}\n\n`;
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
