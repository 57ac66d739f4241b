/**
 * How to cite a page of this site, defined once: the AMA text and the
 * BibTeX entry shown under "Cite this page", the addresses of the page's
 * reference downloads, and the ways to report an error on it. Runs in the
 * browser too, so it imports nothing from Node.
 */
import { formatDate } from '../citations/format';

export interface CitablePage {
  readonly siteTitle: string;
  readonly title: string;
  /** The permanent address of the page in its edition. */
  readonly url: string;
  /** The edition's name, e.g. "2026.1" or "Next (draft)"; never "current". */
  readonly edition: string;
  /** YYYY-MM-DD */
  readonly lastReviewed?: string;
  /** YYYY-MM-DD, the reader's date; omitted in static HTML. */
  readonly accessed?: string;
}

export function amaPageCitation(page: CitablePage): string {
  const parts = [`${page.siteTitle}.`, `${page.title}.`, `Edition ${page.edition}.`];
  if (page.lastReviewed) parts.push(`Updated ${formatDate(page.lastReviewed)}.`);
  if (page.accessed) parts.push(`Accessed ${formatDate(page.accessed)}.`);
  parts.push(page.url);
  return parts.join(' ');
}

/** A BibTeX key unique per page and edition: `ketamineevidence<edition><slug>`. */
export function pageCitationKey(page: Pick<CitablePage, 'url' | 'edition'>): string {
  const slug = new URL(page.url).pathname.split('/').filter(Boolean).pop() ?? 'page';
  const edition = page.edition.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `ketamineevidence${edition}${slug.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
}

export function bibtexPageCitation(page: CitablePage): string {
  const fields = [
    `  author = {{${page.siteTitle}}}`,
    `  title = {${page.title}}`,
    `  edition = {${page.edition}}`,
    `  howpublished = {Edition ${page.edition}}`,
    page.lastReviewed ? `  year = {${page.lastReviewed.slice(0, 4)}}` : '',
    page.lastReviewed ? `  date = {${page.lastReviewed}}` : '',
    `  url = {${page.url}}`,
    page.accessed ? `  urldate = {${page.accessed}}` : '',
  ].filter(Boolean);
  return `@misc{${pageCitationKey(page)},\n${fields.join(',\n')},\n}`;
}

export const REFERENCE_FORMATS = ['bib', 'ris', 'json'] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

/** Where the build writes a page's reference list for download, beside the page. */
export function referenceDownloadPath(permalink: string, format: ReferenceFormat): string {
  return `${permalink.replace(/\/$/, '') || '/index'}.references.${format === 'json' ? 'csl.json' : format}`;
}

/**
 * The repository's "report an error" issue form, pre-filled with the page
 * address and edition (field ids `page` and `edition` in
 * .github/ISSUE_TEMPLATE/report-error.yml).
 */
export function reportErrorUrl(repositoryUrl: string, page: { url: string; title: string; edition: string }): string {
  const query = new URLSearchParams({ template: 'report-error.yml', title: `Error on “${page.title}”`, page: page.url, edition: page.edition });
  return `${repositoryUrl}/issues/new?${query.toString()}`;
}

/** The same report by e-mail, for readers without a GitHub account. */
export function reportErrorMail(address: string, page: { url: string; title: string; edition: string }): string {
  const subject = `Error on “${page.title}” (edition ${page.edition})`;
  const body = `Page: ${page.url}\nEdition: ${page.edition}\n\nWhat is wrong, and the source that shows it:\n`;
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
