/**
 * Wraps the doc footer (which holds "Edit this page") to add "Report an
 * error" and "Cite this page" to every page.
 */
import type { WrapperProps } from '@docusaurus/types';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type { ReactNode } from 'react';
import CiteThisPage from '@site/src/components/CiteThisPage';
import ReportError from '@site/src/components/ReportError';

type Props = WrapperProps<typeof FooterType>;

export default function FooterWrapper(props: Props): ReactNode {
  return (
    <>
      <CiteThisPage />
      <p className="page-actions">
        <ReportError />
      </p>
      <Footer {...props} />
    </>
  );
}
