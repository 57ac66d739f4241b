/**
 * Opens every collapsed <details> block (such as "Cite this page") before
 * printing and closes them again after, so a printed page has everything
 * the screen could show. The print stylesheet does the same where the
 * browser supports `::details-content`.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

const OPENED = 'data-opened-for-print';

if (ExecutionEnvironment.canUseDOM) {
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('details:not([open])').forEach((details) => {
      details.setAttribute('open', '');
      details.setAttribute(OPENED, '');
    });
  });
  window.addEventListener('afterprint', () => {
    document.querySelectorAll(`details[${OPENED}]`).forEach((details) => {
      details.removeAttribute('open');
      details.removeAttribute(OPENED);
    });
  });
}
