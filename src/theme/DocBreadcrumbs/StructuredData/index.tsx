/**
 * The breadcrumb JSON-LD of a docs page, written with escaping. The
 * original component puts `JSON.stringify(data)` inside a script element,
 * so a page title or sidebar label containing `</script>` would end the
 * element early and let the text after it run. `jsonForScript` escapes `<`,
 * `>`, `&` and the line separators, so the data can never leave the element.
 */
import Head from '@docusaurus/Head';
import { useBreadcrumbsStructuredData } from '@docusaurus/plugin-content-docs/client';
import type { Props } from '@theme/DocBreadcrumbs/StructuredData';
import type { ReactNode } from 'react';
import { jsonForScript } from '../../../security/jsonLd';

export default function DocBreadcrumbsStructuredData({ breadcrumbs }: Props): ReactNode {
  const structuredData = useBreadcrumbsStructuredData({ breadcrumbs });
  return (
    <Head>
      <script type="application/ld+json">{jsonForScript(structuredData)}</script>
    </Head>
  );
}
