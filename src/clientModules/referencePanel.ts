/**
 * The reference panel: tapping or clicking a numbered citation or a
 * glossary term opens a panel instead of jumping away from the sentence.
 * A citation shows its formatted reference (every reference of its
 * cluster, "3–5" included) with live DOI, PubMed and PMC links and a link
 * to the entry in the reference list; a glossary term shows its definition
 * and a link to the glossary. On a phone the panel is a bottom sheet (a
 * modal `<dialog>`); on a wide screen it is a popover next to the link (a
 * non-modal `<dialog>`), which a mouse pointer also opens by hovering.
 *
 * The panel is keyboard-operable: it takes focus when opened, Escape or
 * the close button closes it, and focus returns to the link that opened
 * it. Its text is copied from the page (the reference list entry, the
 * term's preview), so it is written once. Without JavaScript every link
 * still leads to its entry, and each entry links back to where it is cited.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import type { ClientModule } from '@docusaurus/types';

const CITATION = 'a.citation__link';
const TERM = 'a.glossary-term__link';
const TRIGGER = `${CITATION}, ${TERM}`;
const PANEL_ID = 'reference-panel';
/** Below this width the panel is a bottom sheet, as the theme's phone layout begins. */
const SHEET_QUERY = '(max-width: 996px)';
/** Only a mouse (or similar) pointer that can hover opens previews; a touch opens on tap. */
const HOVER_QUERY = '(hover: hover) and (pointer: fine)';
const HOVER_OPEN_MS = 180;
const HOVER_CLOSE_MS = 300;
/** Set on <html> once the panel handles the links, so the CSS-only glossary preview steps aside. */
export const READY_ATTRIBUTE = 'data-reference-panel';

type Mode = 'active' | 'preview';

interface State {
  invoker?: HTMLAnchorElement;
  mode?: Mode;
  openTimer?: number;
  closeTimer?: number;
}

const state: State = {};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function panel(): HTMLDialogElement {
  const existing = document.getElementById(PANEL_ID);
  if (existing instanceof HTMLDialogElement) return existing;
  const close = element('button', { type: 'button', class: 'reference-panel__close', 'aria-label': 'Close' }, '×');
  const dialog = element(
    'dialog',
    { id: PANEL_ID, class: 'reference-panel', 'aria-labelledby': `${PANEL_ID}-title`, tabindex: '-1' },
    element(
      'div',
      { class: 'reference-panel__inner' },
      element('div', { class: 'reference-panel__head' }, element('h2', { id: `${PANEL_ID}-title`, class: 'reference-panel__title' }), close),
      element('div', { class: 'reference-panel__body' }),
    ),
  );
  close.addEventListener('click', () => closePanel());
  // A tap on the sheet's backdrop lands on the dialog itself (its content fills an inner box).
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) closePanel();
  });
  // Escape on the modal sheet: closed here, so focus returns the same way as from the close button.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    closePanel();
  });
  dialog.addEventListener('pointerenter', () => window.clearTimeout(state.closeTimer));
  dialog.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse' && state.mode === 'preview') scheduleClose();
  });
  // Links inside the panel that lead to the page's own entries or to the glossary close it first.
  dialog.addEventListener('click', onPanelLinkClick);
  document.body.append(dialog);
  return dialog;
}

/** The numbers a citation cluster stands for: "1–3" is 1, 2 and 3; "2,4" is 2 and 4. */
export function clusterNumbers(parts: readonly { number?: number; text: string }[]): number[] {
  const numbers: number[] = [];
  let range = false;
  for (const part of parts) {
    if (part.number === undefined) {
      range = /[–-]/.test(part.text);
      continue;
    }
    const previous = numbers.at(-1);
    if (range && previous !== undefined) for (let n = previous + 1; n < part.number; n += 1) numbers.push(n);
    numbers.push(part.number);
    range = false;
  }
  return [...new Set(numbers)];
}

/** "1–3, 5" for 1, 2, 3 and 5, as the citation itself reads. */
export function numberRuns(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j += 1;
    runs.push(j - i >= 2 ? `${numbers[i]}–${numbers[j]}` : numbers.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}

function referenceEntries(link: HTMLAnchorElement): HTMLLIElement[] {
  const own = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  const list = own?.closest('ol.references');
  const sup = link.closest('sup.citation');
  if (!(own instanceof HTMLLIElement)) return [];
  if (!list || !sup) return [own];
  const parts = [...sup.childNodes].map((node) =>
    node instanceof HTMLElement && node.matches(CITATION)
      ? { number: Number(node.textContent), text: node.textContent ?? '' }
      : { text: node.textContent ?? '' },
  );
  const items = [...list.children] as HTMLLIElement[];
  const entries = clusterNumbers(parts).map((n) => items[n - 1]);
  // Numbers follow the list's order; if that ever fails, show the linked entry alone rather than a wrong one.
  return entries.every((entry): entry is HTMLLIElement => entry instanceof HTMLLIElement) && entries.includes(own) ? entries : [own];
}

function entryCopy(entry: HTMLLIElement, number: number): HTMLLIElement {
  const copy = entry.cloneNode(true) as HTMLLIElement;
  copy.querySelectorAll('.reference__back').forEach((node) => node.remove());
  copy.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
  copy.removeAttribute('id');
  copy.removeAttribute('class');
  copy.value = number;
  while (copy.firstChild instanceof Text && !copy.firstChild.textContent?.trim()) copy.firstChild.remove();
  copy.append(' ', element('a', { href: `#${entry.id}`, class: 'reference-panel__jump' }, 'In the reference list'));
  return copy;
}

function citationContent(link: HTMLAnchorElement): { title: string; body: Node[] } | undefined {
  const entries = referenceEntries(link);
  if (entries.length === 0) return undefined;
  const items = [...(entries[0]!.parentElement?.children ?? [])];
  const numbers = entries.map((entry) => items.indexOf(entry) + 1);
  const title = numbers.length === 1 ? `Reference ${numbers[0]}` : `References ${numberRuns(numbers)}`;
  const list = element('ol', { class: 'reference-panel__references' }, ...entries.map((entry, i) => entryCopy(entry, numbers[i]!)));
  return { title, body: [list] };
}

function termContent(link: HTMLAnchorElement): { title: string; body: Node[] } | undefined {
  const preview = document.getElementById(link.getAttribute('aria-describedby') ?? '');
  if (!preview) return undefined;
  const name = preview.querySelector('strong')?.textContent ?? link.textContent ?? '';
  const definition = (preview.textContent ?? '').slice(name.length).replace(/^\s*:\s*/, '');
  const more = element('a', { href: link.href, class: 'reference-panel__glossary', 'data-follows': 'invoker' }, 'Open in the glossary');
  return { title: name, body: [element('p', {}, definition), element('p', {}, more)] };
}

function place(dialog: HTMLDialogElement, link: HTMLAnchorElement) {
  const box = link.getBoundingClientRect();
  const width = Math.min(448, window.innerWidth - 16);
  dialog.style.width = `${width}px`;
  const height = dialog.open ? dialog.offsetHeight : 0;
  const below = box.bottom + 8 + height <= window.innerHeight || box.top < height + 8;
  dialog.style.left = `${Math.max(8, Math.min(box.left - 16, window.innerWidth - width - 8)) + window.scrollX}px`;
  dialog.style.top = `${(below ? box.bottom + 6 : box.top - height - 6) + window.scrollY}px`;
}

function open(link: HTMLAnchorElement, mode: Mode): boolean {
  const content = link.matches(CITATION) ? citationContent(link) : termContent(link);
  if (!content) return false;
  const dialog = panel();
  const sheet = mode === 'active' && window.matchMedia(SHEET_QUERY).matches;
  closePanel(false);
  window.clearTimeout(state.closeTimer);
  state.invoker = link;
  state.mode = mode;
  dialog.querySelector('.reference-panel__title')!.textContent = content.title;
  dialog.querySelector('.reference-panel__body')!.replaceChildren(...content.body);
  dialog.classList.toggle('reference-panel--sheet', sheet);
  dialog.classList.toggle('reference-panel--popover', !sheet);
  dialog.classList.toggle('reference-panel--term', link.matches(TERM));
  link.setAttribute('aria-expanded', 'true');
  const before = document.activeElement;
  if (sheet) {
    dialog.style.cssText = '';
    dialog.showModal();
  } else {
    // Placed beside the link before it opens, so the focus it takes on opening does not scroll the page.
    place(dialog, link);
    dialog.show();
    place(dialog, link);
  }
  if (mode === 'active') dialog.focus({ preventScroll: true });
  // A preview shown on hover leaves focus where it was.
  else if (document.activeElement !== before) {
    if (before instanceof HTMLElement && before !== document.body) before.focus({ preventScroll: true });
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  }
  return true;
}

/** Closes the panel; focus returns to the link that opened it unless the reader only hovered or went elsewhere. */
function closePanel(returnFocus = true) {
  const dialog = document.getElementById(PANEL_ID);
  const { invoker, mode } = state;
  state.invoker = undefined;
  state.mode = undefined;
  window.clearTimeout(state.closeTimer);
  invoker?.removeAttribute('aria-expanded');
  if (!(dialog instanceof HTMLDialogElement) || !dialog.open) return;
  dialog.close();
  if (returnFocus && invoker && mode === 'active' && invoker.isConnected) invoker.focus({ preventScroll: true });
}

function scheduleClose() {
  window.clearTimeout(state.closeTimer);
  state.closeTimer = window.setTimeout(() => {
    if (state.mode === 'preview') closePanel(false);
  }, HOVER_CLOSE_MS);
}

/** After a jump to a reference entry or back to a citation, focus follows, so the keyboard continues from there. */
function focusTarget(hash: string) {
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!target) return;
  const focusable = target.matches('sup.citation') ? target.querySelector<HTMLElement>('a') : target;
  if (!focusable) return;
  if (!focusable.matches('a, button, [tabindex]')) focusable.setAttribute('tabindex', '-1');
  focusable.focus({ preventScroll: true });
}

function onPanelLinkClick(event: MouseEvent) {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || !(event.currentTarget instanceof HTMLDialogElement)) return;
  const invoker = state.invoker;
  if (link.dataset.follows === 'invoker' && invoker) {
    // The glossary link follows the term's own link, so the site's router handles it.
    event.preventDefault();
    closePanel(false);
    follow(invoker);
    return;
  }
  if (link.hash && link.pathname === window.location.pathname) {
    closePanel(false);
    window.requestAnimationFrame(() => focusTarget(link.hash));
  }
}

let following = false;
function follow(link: HTMLAnchorElement) {
  following = true;
  try {
    link.click();
  } finally {
    following = false;
  }
}

const triggerOf = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(TRIGGER) : null);

function onClick(event: MouseEvent) {
  if (following || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = triggerOf(event);
  if (!link) {
    const back = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('.references a[href^="#cite-"], a.reference__back') : null;
    if (back) window.requestAnimationFrame(() => focusTarget(back.hash));
    return;
  }
  // Capture phase: the panel opens before the router sees the click, and the page stays where it is.
  if (open(link, 'active')) event.preventDefault();
}

function onPointerOver(event: PointerEvent) {
  if (event.pointerType !== 'mouse' || !window.matchMedia(HOVER_QUERY).matches) return;
  const link = triggerOf(event);
  if (!link) return;
  window.clearTimeout(state.closeTimer);
  if (state.mode === 'active' || state.invoker === link) return;
  window.clearTimeout(state.openTimer);
  state.openTimer = window.setTimeout(() => open(link, 'preview'), HOVER_OPEN_MS);
}

function onPointerOut(event: PointerEvent) {
  if (event.pointerType !== 'mouse' || !triggerOf(event)) return;
  window.clearTimeout(state.openTimer);
  if (state.mode === 'preview') scheduleClose();
}

function onKeyDown(event: KeyboardEvent) {
  const dialog = document.getElementById(PANEL_ID);
  if (!state.mode || !(dialog instanceof HTMLDialogElement) || !dialog.open || dialog.matches(':modal')) return;
  // A modal sheet closes on Escape by itself; the popover is not modal, so Escape is handled here.
  if (event.key === 'Escape') {
    event.preventDefault();
    closePanel();
    return;
  }
  // Tabbing out of the popover (it sits at the end of the document) closes it and goes back to its link,
  // so the next Tab continues through the text after the citation.
  if (event.key === 'Tab' && state.mode === 'active') {
    const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
    const leavingForward = !event.shiftKey && document.activeElement === focusable.at(-1);
    const leavingBack = event.shiftKey && (document.activeElement === dialog || document.activeElement === focusable[0]);
    if (leavingForward || leavingBack) {
      event.preventDefault();
      closePanel();
    }
  }
}

function onPointerDown(event: PointerEvent) {
  const dialog = document.getElementById(PANEL_ID);
  if (!(dialog instanceof HTMLDialogElement) || !dialog.open || dialog.matches(':modal')) return;
  if (event.target instanceof Node && (dialog.contains(event.target) || triggerOf(event))) return;
  // A click elsewhere on the page closes the popover and leaves focus where the reader clicked.
  closePanel(false);
}

if (ExecutionEnvironment.canUseDOM) {
  document.addEventListener('click', onClick, true);
  document.addEventListener('pointerover', onPointerOver);
  document.addEventListener('pointerout', onPointerOut);
  document.addEventListener('pointerdown', onPointerDown);
  document.addEventListener('keydown', onKeyDown);
  document.documentElement.setAttribute(READY_ATTRIBUTE, '');
}

/** A new page closes the panel of the old one. */
export const onRouteDidUpdate: ClientModule['onRouteDidUpdate'] = ({ location, previousLocation }) => {
  if (previousLocation && previousLocation.pathname !== location.pathname) closePanel(false);
};
