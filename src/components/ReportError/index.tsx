/**
 * "Report an error": by e-mail (no account needed) or through the
 * repository's error-report form, each with the page's address and edition
 * filled in, so a reader's report reaches the editors with what they need.
 */
import Link from '@docusaurus/Link';
import { useDoc, useDocsVersion } from '@docusaurus/plugin-content-docs/client';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { ReactNode } from 'react';
import { reportErrorMail, reportErrorUrl } from '../../content/pageCitation';

export default function ReportError(): ReactNode {
  const { metadata } = useDoc();
  const version = useDocsVersion();
  const { siteConfig } = useDocusaurusContext();
  const page = { url: `${siteConfig.url}${metadata.permalink}`, title: metadata.title, edition: version.label };
  const email = String(siteConfig.customFields?.correctionsEmail ?? '');
  const repositoryUrl = String(siteConfig.customFields?.repositoryUrl ?? '');
  return (
    <span className="report-error">
      Report an error on this page: <Link href={reportErrorMail(email, page)}>by e-mail</Link> or{' '}
      <Link href={reportErrorUrl(repositoryUrl, page)}>on GitHub</Link>
    </span>
  );
}
