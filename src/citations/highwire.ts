/**
 * Highwire Press `citation_*` meta tags, which Zotero's connector, Google
 * Scholar and other reference tools read to save a page with its metadata
 * and its reference list.
 */
import { personName, type Reference } from './reference';

export interface CitablePage {
  readonly title: string;
  readonly siteTitle: string;
  readonly url: string;
  readonly edition: string;
  /** YYYY-MM-DD: the date of the last review, the page's date of record. */
  readonly date: string;
}

const slashDate = (date: string) => date.replaceAll('-', '/');

/** One `citation_reference` value: semicolon-separated `citation_*` pairs, as Google Scholar documents them. */
export function referenceValue(reference: Reference): string {
  const pairs: [string, string | undefined][] = [
    ['citation_title', reference.title],
    ...reference.authors.map((author): [string, string] => ['citation_author', personName(author)]),
    ['citation_journal_title', reference.container],
    ['citation_publisher', reference.official ? reference.organization : undefined],
    ['citation_publication_date', reference.date ? slashDate(reference.date) : reference.year],
    ['citation_volume', reference.csl.volume as string | undefined],
    ['citation_issue', reference.csl.issue as string | undefined],
    ['citation_firstpage', (reference.csl.page as string | undefined)?.split(/[-–]/)[0]],
    ['citation_doi', reference.doi],
    ['citation_pmid', reference.pmid],
    ['citation_public_url', reference.url],
  ];
  return pairs
    .filter((pair): pair is [string, string] => Boolean(pair[1]))
    .map(([name, value]) => `${name}=${value.replace(/;/g, ',')}`)
    .join('; ');
}

/** The tags of one page, as name/content pairs in the order tools expect them. */
export function highwireTags(page: CitablePage, cited: readonly Reference[]): [string, string][] {
  return [
    ['citation_title', page.title],
    ['citation_author', page.siteTitle],
    ['citation_publisher', page.siteTitle],
    ['citation_date', slashDate(page.date)],
    ['citation_online_date', slashDate(page.date)],
    ['citation_edition', page.edition],
    ['citation_public_url', page.url],
    ['citation_language', 'en'],
    ...cited.map((reference): [string, string] => ['citation_reference', referenceValue(reference)]),
  ];
}
