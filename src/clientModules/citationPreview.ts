/**
 * Shows the full reference when a reader hovers over or focuses a numbered
 * citation. The text is read from the page's reference list (the entry the
 * citation links to), so it is written once per page. Escape hides the
 * preview; without JavaScript the citation still links to the entry.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

const LINK = 'a.citation__link';
const PREVIEW_ID = 'citation-preview';

function preview(): HTMLElement {
  let element = document.getElementById(PREVIEW_ID);
  if (!element) {
    element = document.createElement('div');
    element.id = PREVIEW_ID;
    element.className = 'citation-preview';
    element.setAttribute('role', 'tooltip');
    element.hidden = true;
    document.body.append(element);
  }
  return element;
}

function show(link: HTMLAnchorElement) {
  const entry = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!entry) return;
  const element = preview();
  element.textContent = entry.textContent;
  element.hidden = false;
  const box = link.getBoundingClientRect();
  const width = Math.min(448, window.innerWidth - 16);
  element.style.width = `${width}px`;
  element.style.left = `${Math.max(8, Math.min(box.left + window.scrollX - 16, window.scrollX + window.innerWidth - width - 8))}px`;
  element.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hide() {
  const element = document.getElementById(PREVIEW_ID);
  if (element) element.hidden = true;
}

if (ExecutionEnvironment.canUseDOM) {
  const target = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(LINK) : null);
  document.addEventListener('mouseover', (event) => {
    const link = target(event);
    if (link) show(link);
  });
  document.addEventListener('mouseout', (event) => {
    if (target(event)) hide();
  });
  document.addEventListener('focusin', (event) => {
    const link = target(event);
    if (link) show(link);
    else hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  window.addEventListener('popstate', hide);
}
