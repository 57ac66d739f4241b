/**
 * Wraps the doc metadata to point a Next (draft) page's canonical address
 * and og:url at the same page in the newest edition, so search engines and
 * shared links settle on the permanent, reviewed text. Rendered through
 * <Head>, the tags are the same in the static HTML and after hydration
 * (Helmet keeps the deepest canonical link and og:url).
 */
import type { WrapperProps } from '@docusaurus/types';
import Metadata from '@theme-original/DocItem/Metadata';
import type MetadataType from '@theme/DocItem/Metadata';
import Head from '@docusaurus/Head';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useDoc, useDocsVersion, useLatestVersion } from '@docusaurus/plugin-content-docs/client';
import type { ReactNode } from 'react';

type Props = WrapperProps<typeof MetadataType>;

/** The newest edition's address of this page, or undefined when the page is not a draft or is new in Next. */
function useNewestEditionPath(): string | undefined {
  const { metadata } = useDoc();
  const version = useDocsVersion();
  const latest = useLatestVersion(version.pluginId);
  if (version.version !== 'current' || latest.name === 'current') return undefined;
  return latest.docs.find((doc) => doc.id === metadata.id)?.path;
}

export default function MetadataWrapper(props: Props): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const newest = useNewestEditionPath();
  return (
    <>
      <Metadata {...props} />
      {newest && (
        <Head>
          <link rel="canonical" href={`${siteConfig.url}${newest}`} />
          <meta property="og:url" content={`${siteConfig.url}${newest}`} />
        </Head>
      )}
    </>
  );
}
