/**
 * schema.org descriptions of the site's pages and the works they cite,
 * for the JSON-LD that search engines and reference tools read.
 */
import type { Reference } from './reference';

/** A cited work as schema.org describes it. */
export function citedWork(reference: Reference): Record<string, unknown> {
  return {
    '@type': reference.official ? 'CreativeWork' : 'ScholarlyArticle',
    name: reference.title,
    ...(reference.authors.length > 0 ? { author: reference.authors.map((a) => (a.literal ? a.family : `${a.given} ${a.family}`.trim())) } : {}),
    datePublished: reference.date ?? reference.year,
    ...(reference.container ? { isPartOf: reference.container } : {}),
    ...(reference.organization ? { publisher: reference.organization } : {}),
    ...(reference.doi ? { sameAs: `https://doi.org/${reference.doi}` } : {}),
    ...(reference.pmid ? { identifier: `PMID:${reference.pmid}` } : {}),
    ...(reference.url ? { url: reference.url } : {}),
  };
}

export interface PageDescription {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly lastReviewed?: string;
  readonly reviewedBy?: string;
  readonly siteTitle: string;
  readonly siteUrl: string;
}

/** A topic page as a MedicalWebPage for clinicians, with its review date and citations. */
export function medicalWebPage(page: PageDescription, cited: readonly Reference[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: page.title,
    description: page.description,
    url: page.url,
    inLanguage: 'en',
    audience: { '@type': 'MedicalAudience', audienceType: 'Clinician' },
    ...(page.lastReviewed ? { lastReviewed: page.lastReviewed } : {}),
    ...(page.reviewedBy ? { reviewedBy: { '@type': 'Person', name: page.reviewedBy } } : {}),
    isPartOf: { '@type': 'WebSite', name: page.siteTitle, url: page.siteUrl },
    citation: cited.map(citedWork),
  };
}

/** JSON for a script element: "<" escaped so the data can never close the element early. */
export function jsonLdScript(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
