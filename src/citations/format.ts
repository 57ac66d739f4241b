/**
 * Small formatting helpers the site needs beside the citation style: dates
 * in words, identifier links, and the study summary shown after each
 * reference ("[randomized controlled trial, n = 73]"), which is ours, not
 * AMA's. Reference entries themselves come from CSL (src/citations/csl.ts).
 */
import type { Reference } from './reference';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 5, 2019" from 2019-03-05; "March 2019" from 2019-03; a year stays a year. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const monthName = MONTHS[Number(month) - 1];
  return day ? `${monthName} ${Number(day)}, ${year}` : `${monthName} ${year}`;
}

export const doiUrl = (doi: string) => `https://doi.org/${doi}`;
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
export const pmcUrl = (pmcid: string) => `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`;

/** What kind of study stands behind a reference, in words: "randomized controlled trial, n = 73". */
export function studySummary(reference: Reference): string | undefined {
  if (reference.official) return reference.kind ?? 'official record';
  if (!reference.design) return undefined;
  const parts: string[] = [reference.design];
  if (reference.studies) parts.push(`${reference.studies} studies`);
  if (reference.participants) parts.push(`n = ${reference.participants.toLocaleString('en-US')}`);
  return parts.join(', ');
}
