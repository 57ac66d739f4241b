/**
 * Wraps the doc page's metadata with two additions, both in the static HTML
 * and kept after hydration (Helmet keeps the deepest tags):
 *
 * - the print running head: custom properties (title, edition, permanent
 *   address, review date) written on the root element (a `style`
 *   attribute), which the print stylesheet's `@page` margin boxes show on
 *   every printed page, so a page printed without JavaScript still says
 *   what it is and where it lives;
 * - on a Next (draft) page, the canonical address and og:url of the same
 *   page in the newest edition, so search engines and shared links settle
 *   on the permanent, reviewed text.
 */
import Head from '@docusaurus/Head';
import { useDoc, useDocsVersion, useLatestVersion } from '@docusaurus/plugin-content-docs/client';
import type { WrapperProps } from '@docusaurus/types';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Metadata from '@theme-original/DocItem/Metadata';
import type MetadataType from '@theme/DocItem/Metadata';
import type { ReactNode } from 'react';
import { formatDate } from '../../../citations/format';
import { servedPath } from '../../../content/servedPath';
import { runningHeadStyle } from '../../../print/runningHead';

type Props = WrapperProps<typeof MetadataType>;

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : undefined;
}

/** The newest edition's address of this page, or undefined when the page is not a draft or is new in Next. */
function useNewestEditionPath(): string | undefined {
  const { metadata } = useDoc();
  const version = useDocsVersion();
  const latest = useLatestVersion(version.pluginId);
  const { siteConfig } = useDocusaurusContext();
  if (version.version !== 'current' || latest.name === 'current') return undefined;
  const path = latest.docs.find((doc) => doc.id === metadata.id)?.path;
  // A section index's path ends in a slash, but its edition page names itself canonical without one.
  return path && servedPath(path, siteConfig.trailingSlash);
}

export default function MetadataWrapper(props: Props): ReactNode {
  const { metadata, frontMatter } = useDoc();
  const version = useDocsVersion();
  const { siteConfig } = useDocusaurusContext();
  const newest = useNewestEditionPath();
  const style = runningHeadStyle(
    {
      siteTitle: siteConfig.title,
      title: metadata.title,
      edition: version.label,
      address: `${siteConfig.url}${servedPath(metadata.permalink, siteConfig.trailingSlash)}`,
      origin: siteConfig.url,
      lastReviewed: isoDate((frontMatter as Record<string, unknown>).last_reviewed),
    },
    formatDate,
  );
  return (
    <>
      <Metadata {...props} />
      <Head>
        {/* Helmet writes attributes as given; React's typing of `style` expects an object, hence the spread. */}
        <html {...({ style } as Record<string, string>)} />
        {newest && <link rel="canonical" href={`${siteConfig.url}${newest}`} />}
        {newest && <meta property="og:url" content={`${siteConfig.url}${newest}`} />}
      </Head>
    </>
  );
}
