/**
 * Wraps the doc page's metadata to add its print running head: the custom
 * properties (title, edition, permanent address, review date) that the
 * print stylesheet's `@page` margin boxes show on every printed page. They
 * are written on the root element (a `style` attribute), in the static
 * HTML, so a page printed without JavaScript still says what it is and
 * where it lives.
 */
import Head from '@docusaurus/Head';
import { useDoc, useDocsVersion } from '@docusaurus/plugin-content-docs/client';
import type { WrapperProps } from '@docusaurus/types';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Metadata from '@theme-original/DocItem/Metadata';
import type MetadataType from '@theme/DocItem/Metadata';
import type { ReactNode } from 'react';
import { formatDate } from '../../../citations/format';
import { runningHeadStyle } from '../../../print/runningHead';

type Props = WrapperProps<typeof MetadataType>;

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : undefined;
}

export default function MetadataWrapper(props: Props): ReactNode {
  const { metadata, frontMatter } = useDoc();
  const version = useDocsVersion();
  const { siteConfig } = useDocusaurusContext();
  const style = runningHeadStyle(
    {
      siteTitle: siteConfig.title,
      title: metadata.title,
      edition: version.label,
      address: `${siteConfig.url}${metadata.permalink}`,
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
      </Head>
    </>
  );
}
