/**
 * "Cite this page": the AMA citation and a BibTeX entry naming the edition
 * and review date, and downloads of the page's reference list. A closed
 * <details> element, so it works without JavaScript and prints expanded.
 */
import Link from '@docusaurus/Link';
import { useDoc, useDocsVersion } from '@docusaurus/plugin-content-docs/client';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useEffect, useState, type ReactNode } from 'react';
import { amaPageCitation, bibtexPageCitation, referenceDownloadPath } from '../../content/pageCitation';
import styles from './styles.module.css';

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : undefined;
}

export default function CiteThisPage(): ReactNode {
  const { metadata, frontMatter } = useDoc();
  const version = useDocsVersion();
  const { siteConfig } = useDocusaurusContext();
  // The access date is the reader's; it is filled in after the page loads so the static HTML stays stable.
  const [accessed, setAccessed] = useState<string>();
  useEffect(() => setAccessed(new Date().toISOString().slice(0, 10)), []);
  const fm = frontMatter as Record<string, unknown>;
  const page = {
    siteTitle: siteConfig.title,
    title: metadata.title,
    url: `${siteConfig.url}${metadata.permalink}`,
    edition: version.label,
    lastReviewed: isoDate(fm.last_reviewed),
    accessed,
  };
  const hasReferences = typeof fm.evidence === 'object' && fm.evidence !== null;
  return (
    <details className={styles.cite}>
      <summary>Cite this page</summary>
      <p className={styles.label}>AMA</p>
      <p className={styles.text}>{amaPageCitation(page)}</p>
      <p className={styles.label}>BibTeX</p>
      <pre className={styles.code}>
        <code>{bibtexPageCitation(page)}</code>
      </pre>
      {hasReferences && (
        <p>
          Download this page’s references for a reference manager:{' '}
          <Link href={`pathname://${referenceDownloadPath(metadata.permalink, 'bib')}`} download>
            BibTeX (.bib)
          </Link>{' '}
          ·{' '}
          <Link href={`pathname://${referenceDownloadPath(metadata.permalink, 'ris')}`} download>
            RIS (.ris)
          </Link>{' '}
          ·{' '}
          <Link href={`pathname://${referenceDownloadPath(metadata.permalink, 'json')}`} download>
            CSL-JSON (.json)
          </Link>
        </p>
      )}
    </details>
  );
}
