/**
 * schema.org JSON-LD for a topic page: a MedicalWebPage with its review
 * date, reviewer where known, and every work it cites. Search engines and
 * reference tools read it from the static HTML head.
 */
import Head from '@docusaurus/Head';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { ReactNode } from 'react';

export interface StructuredDataProps {
  /** JSON array of cited works, written by the citations plugin. */
  readonly citations?: string;
}

function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : undefined;
}

export default function StructuredData({ citations }: StructuredDataProps): ReactNode {
  const { metadata, frontMatter } = useDoc();
  const { siteConfig } = useDocusaurusContext();
  const fm = frontMatter as Record<string, unknown>;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: metadata.title,
    description: metadata.description,
    url: `${siteConfig.url}${metadata.permalink}`,
    inLanguage: 'en',
    audience: { '@type': 'MedicalAudience', audienceType: 'Clinician' },
    lastReviewed: toIsoDate(fm.last_reviewed),
    ...(typeof fm.reviewed_by === 'string' ? { reviewedBy: { '@type': 'Person', name: fm.reviewed_by } } : {}),
    isPartOf: { '@type': 'WebSite', name: siteConfig.title, url: siteConfig.url },
    citation: citations ? (JSON.parse(citations) as unknown[]) : [],
  };
  // Escaping "<" keeps the JSON from ever closing the script element early.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return (
    <Head>
      <script type="application/ld+json">{json}</script>
    </Head>
  );
}
