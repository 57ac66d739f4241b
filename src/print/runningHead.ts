/**
 * The running head and foot of a printed page: its title, the site and
 * edition, its permanent address, and the date (printed, or without
 * JavaScript the date it was last reviewed), with page numbers. Chromium
 * draws them in the `@page` margin boxes of src/css/custom.css, which read
 * these custom properties from the root element (its `style` attribute,
 * which Docusaurus writes into the static HTML); a document without them
 * (a course packet, which prints its own header and footer) gets no
 * margin boxes at all.
 */

export interface RunningHead {
  readonly siteTitle: string;
  readonly title: string;
  /** How the edition is named to readers: "2026.1" or "Next (draft)". */
  readonly edition: string;
  /** The page's full address, e.g. https://…/docs/2026.1/conditions/ptsd. */
  readonly address: string;
  /** The site's origin, so internal links print as full addresses. */
  readonly origin: string;
  /** YYYY-MM-DD; shown until the print module writes the print date. */
  readonly lastReviewed?: string;
}

/** Custom properties the print stylesheet and src/clientModules/print.ts share. */
export const PRINT_PROPERTIES = {
  title: '--print-title',
  edition: '--print-edition',
  address: '--print-address',
  date: '--print-date',
  origin: '--print-origin',
  /** The word before the page numbers; defined only where the running head is, so other documents get no numbers. */
  page: '--print-page',
} as const;

/**
 * A CSS string literal, in single quotes. Every character outside a small
 * safe set (quotes, backslashes and angle brackets included) is written as
 * a hex escape, so no value can end the string, the declaration, or the
 * HTML attribute it is written in (Helmet writes attribute values as given).
 */
export function cssString(value: string): string {
  const escaped = [...value].map((char) => (/^[\p{L}\p{N} .,:;()/_·–—-]$/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('');
  return `'${escaped}'`;
}

export const printDateLabel = (isoDate: string, format: (date: string) => string) => `printed ${format(isoDate)}`;

/** The declarations that carry one page's running head, for the root element's `style` attribute. */
export function runningHeadStyle(head: RunningHead, format: (date: string) => string): string {
  const properties: [string, string][] = [
    [PRINT_PROPERTIES.title, head.title],
    [PRINT_PROPERTIES.edition, `${head.siteTitle} · edition ${head.edition}`],
    [PRINT_PROPERTIES.address, head.address],
    [PRINT_PROPERTIES.origin, head.origin],
    [PRINT_PROPERTIES.page, 'page'],
  ];
  properties.push([PRINT_PROPERTIES.date, head.lastReviewed ? `last reviewed ${format(head.lastReviewed)}` : '']);
  return properties.map(([name, value]) => `${name}:${cssString(value)}`).join(';');
}
