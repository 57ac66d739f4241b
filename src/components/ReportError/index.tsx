/**
 * "Report an error": opens the repository's error-report form with the
 * page's address and edition filled in, so a reader's report reaches the
 * editors with what they need to find the problem.
 */
import Link from '@docusaurus/Link';
import { useDoc, useDocsVersion } from '@docusaurus/plugin-content-docs/client';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { ReactNode } from 'react';
import { reportErrorUrl } from '../../content/pageCitation';

export default function ReportError(): ReactNode {
  const { metadata } = useDoc();
  const version = useDocsVersion();
  const { siteConfig } = useDocusaurusContext();
  const repositoryUrl = String(siteConfig.customFields?.repositoryUrl ?? '');
  const href = reportErrorUrl(repositoryUrl, {
    url: `${siteConfig.url}${metadata.permalink}`,
    title: metadata.title,
    edition: version.label,
  });
  return (
    <Link href={href} className="report-error">
      Report an error on this page
    </Link>
  );
}
