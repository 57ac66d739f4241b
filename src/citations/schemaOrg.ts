/**
 * schema.org descriptions of the site's pages and the works they cite,
 * for the JSON-LD that search engines and reference tools read.
 */
import { doiUrl, pubmedUrl } from './format';
import { personName, type Person, type Reference } from './reference';

function agent(person: Person): Record<string, unknown> {
  if (person.literal) return { '@type': 'Organization', name: person.literal };
  return {
    '@type': 'Person',
    name: personName(person),
    ...(person.family ? { familyName: [person.particle, person.family].filter(Boolean).join(' ') } : {}),
    ...(person.given ? { givenName: person.given } : {}),
  };
}

/** A cited work as schema.org describes it. */
export function citedWork(reference: Reference): Record<string, unknown> {
  return {
    '@type': reference.official ? 'CreativeWork' : 'ScholarlyArticle',
    name: reference.title,
    ...(reference.authors.length > 0 ? { author: reference.authors.map(agent) } : {}),
    datePublished: reference.date ?? reference.year,
    ...(reference.container ? { isPartOf: { '@type': 'Periodical', name: reference.container } } : {}),
    ...(reference.organization ? { publisher: { '@type': 'Organization', name: reference.organization } } : {}),
    ...(reference.doi ? { sameAs: doiUrl(reference.doi) } : {}),
    ...(reference.pmid ? { identifier: { '@type': 'PropertyValue', propertyID: 'PMID', value: reference.pmid, url: pubmedUrl(reference.pmid) } } : {}),
    ...(reference.url ? { url: reference.url } : {}),
  };
}

export interface PageDescription {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly edition: string;
  readonly lastReviewed: string;
  readonly reviewers: readonly { name: string; role: string }[];
  readonly siteTitle: string;
  readonly siteUrl: string;
}

/** A topic page as a MedicalWebPage for clinicians, with its edition, review date, reviewers and citations. */
export function medicalWebPage(page: PageDescription, cited: readonly Reference[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: page.title,
    description: page.description,
    url: page.url,
    inLanguage: 'en',
    version: page.edition,
    audience: { '@type': 'MedicalAudience', audienceType: 'Clinician' },
    lastReviewed: page.lastReviewed,
    ...(page.reviewers.length ? { reviewedBy: page.reviewers.map((r) => ({ '@type': 'Person', name: r.name, jobTitle: r.role })) } : {}),
    publisher: { '@type': 'Organization', name: page.siteTitle, url: page.siteUrl },
    isPartOf: { '@type': 'WebSite', name: page.siteTitle, url: page.siteUrl },
    citation: cited.map(citedWork),
  };
}
