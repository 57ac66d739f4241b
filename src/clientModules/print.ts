/**
 * Before printing: opens every collapsed <details> block (such as "Cite
 * this page") and closes them again after, so a printed page has
 * everything the screen could show (the print stylesheet does the same
 * where the browser supports `::details-content`); and writes today's date
 * into the running foot, which without JavaScript shows the date the page
 * was last reviewed (see src/print/runningHead.ts).
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import { formatDate } from '../citations/format';
import { cssString, PRINT_PROPERTIES, printDateLabel } from '../print/runningHead';

const OPENED = 'data-opened-for-print';

/** Today in the reader's time zone, YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

if (ExecutionEnvironment.canUseDOM) {
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('details:not([open])').forEach((details) => {
      details.setAttribute('open', '');
      details.setAttribute(OPENED, '');
    });
    // Only pages that carry a running head get a date in it.
    if (getComputedStyle(document.documentElement).getPropertyValue(PRINT_PROPERTIES.title)) {
      document.documentElement.style.setProperty(PRINT_PROPERTIES.date, cssString(printDateLabel(today(), formatDate)));
    }
  });
  window.addEventListener('afterprint', () => {
    document.querySelectorAll(`details[${OPENED}]`).forEach((details) => {
      details.removeAttribute('open');
      details.removeAttribute(OPENED);
    });
    document.documentElement.style.removeProperty(PRINT_PROPERTIES.date);
  });
}
