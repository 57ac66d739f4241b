/**
 * Wraps the doc content (the title, then the page's Markdown) to put the
 * permanent link right under the title, before the evidence label. Only
 * the children change; the original component renders the title and the
 * Markdown as before, so a redesign of the page head can wrap or replace
 * this file without touching the link.
 */
import type { WrapperProps } from '@docusaurus/types';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { ReactNode } from 'react';
import PermanentLink from '@site/src/components/PermanentLink';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper({ children, ...props }: Props): ReactNode {
  return (
    <Content {...props}>
      <PermanentLink />
      {children}
    </Content>
  );
}
