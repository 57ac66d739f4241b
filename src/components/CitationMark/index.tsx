/**
 * A citation's superscript. Its id is the target of the "↩" back-links in
 * the reference list, so it is registered with Docusaurus's broken-anchor
 * check the way the theme registers list items and headings.
 */
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import type { ComponentProps, ReactNode } from 'react';

export default function CitationMark(props: ComponentProps<'sup'>): ReactNode {
  useBrokenLinks().collectAnchor(props.id);
  return <sup {...props} />;
}
