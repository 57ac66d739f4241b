/**
 * How to cite a page of this site, defined once: the AMA text and the
 * BibTeX entry shown under "Cite this page", the file names of the page's
 * reference downloads, and the link that reports an error on it.
 */
import { formatDate } from '../citations/format';

export interface CitablePage {
  readonly siteTitle: string;
  readonly title: string;
  readonly url: string;
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

export function bibtexPageCitation(page: CitablePage): string {
  const slug = new URL(page.url).pathname.split('/').filter(Boolean).pop() ?? 'page';
  const year = page.lastReviewed?.slice(0, 4) ?? '';
  const key = `ketamineevidence${year}${slug.replace(/[^a-z]/g, '')}`;
  const fields = [
    `  author = {{${page.siteTitle}}}`,
    `  title = {${page.title}}`,
    `  howpublished = {Edition ${page.edition}}`,
    year ? `  year = {${year}}` : '',
    page.lastReviewed ? `  date = {${page.lastReviewed}}` : '',
    `  url = {${page.url}}`,
    page.accessed ? `  urldate = {${page.accessed}}` : '',
  ].filter(Boolean);
  return `@misc{${key},\n${fields.join(',\n')},\n}`;
}

/** Where the build writes a page's reference list for download, beside the page. */
export function referenceDownloadPath(permalink: string, format: 'bib' | 'ris'): string {
  return `${permalink.replace(/\/$/, '') || '/index'}.references.${format}`;
}

/**
 * The repository's "report an error" issue form, pre-filled with the page
 * address and edition (field ids `page` and `edition` in
 * .github/ISSUE_TEMPLATE/report-error.yml).
 */
export function reportErrorUrl(repositoryUrl: string, page: { url: string; title: string; edition: string }): string {
  const query = new URLSearchParams({
    template: 'report-error.yml',
    title: `Error on “${page.title}”`,
    page: page.url,
    edition: page.edition,
  });
  return `${repositoryUrl}/issues/new?${query.toString()}`;
}

/**
 * The permanent address of a page in its edition. The newest edition is
 * served at /docs/…, but its pages also answer at /docs/<edition>/… for
 * good, and that is the address to cite. Next (`current`) is not an
 * edition and keeps its own address.
 */
export function editionPermalink(permalink: string, version: string): string {
  if (version === 'current' || permalink.includes(`/docs/${version}/`) || permalink.endsWith(`/docs/${version}`)) return permalink;
  return permalink.replace(/\/docs(\/|$)/, `/docs/${version}$1`);
}
