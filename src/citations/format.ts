/**
 * Reference formatting in AMA style (AMA Manual of Style, 11th edition),
 * and the exports a reader can take to a reference manager (BibTeX, RIS).
 *
 * Formatting returns segments rather than a string so that the same
 * output can be rendered as plain text (previews, exports) or as linked
 * markup (the reference list) without formatting twice.
 */
import type { Person, Reference } from './reference';

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'emphasis'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "Berman RM" from Berman, Robert M.; group authors stay as written. */
export function amaName(person: Person): string {
  if (person.literal || !person.given) return person.family;
  const initials = person.given
    .split(/[\s.]+/)
    .filter(Boolean)
    .map((part) =>
      part
        .split('-')
        .filter(Boolean)
        .map((piece) => piece[0]!.toUpperCase())
        .join(''),
    )
    .join('');
  return `${person.family} ${initials}`;
}

/** AMA: up to six authors in full; more than six, the first three and "et al". */
export function amaAuthors(reference: Reference): string {
  const names = reference.authors.map(amaName);
  if (names.length > 6 || (reference.moreAuthors && names.length >= 3)) {
    return `${names.slice(0, 3).join(', ')}, et al`;
  }
  return names.join(', ') + (reference.moreAuthors ? ', et al' : '');
}

export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const monthName = MONTHS[Number(month) - 1];
  return day ? `${monthName} ${Number(day)}, ${year}` : `${monthName} ${year}`;
}

function endWithPeriod(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

export const doiUrl = (doi: string) => `https://doi.org/${doi}`;
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
export const pmcUrl = (pmcid: string) => `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`;

export function formatReference(reference: Reference): Segment[] {
  const segments: Segment[] = [];
  const text = (value: string) => segments.push({ kind: 'text', text: value });
  const authors = amaAuthors(reference);
  if (reference.official) {
    const body = reference.organization ?? authors;
    text(`${endWithPeriod(body)} ${endWithPeriod(reference.title)} `);
    if (reference.kind) text(`${endWithPeriod(reference.kind)} `);
    if (reference.date) text(`${formatDate(reference.date)}.`);
    if (reference.urldate) text(`${reference.date ? ' ' : ''}Accessed ${formatDate(reference.urldate)}.`);
    if (reference.url) {
      text(' ');
      segments.push({ kind: 'link', text: reference.url, url: reference.url });
    }
  } else {
    if (authors) text(`${endWithPeriod(authors)} `);
    text(`${endWithPeriod(reference.title)} `);
    if (reference.container) {
      segments.push({ kind: 'emphasis', text: reference.container });
      text('. ');
    } else if (reference.publisher) {
      text(`${endWithPeriod(reference.publisher)} `);
    }
    let issue = reference.year;
    if (reference.volume) {
      issue += `;${reference.volume}`;
      if (reference.issue) issue += `(${reference.issue})`;
    }
    if (reference.pages) issue += `:${reference.pages}`;
    text(`${issue}.`);
  }
  if (reference.doi) {
    text(' doi:');
    segments.push({ kind: 'link', text: reference.doi, url: doiUrl(reference.doi) });
  }
  if (reference.pmid) {
    text(' PMID: ');
    segments.push({ kind: 'link', text: reference.pmid, url: pubmedUrl(reference.pmid) });
  }
  if (reference.pmcid && !reference.pmid) {
    text(' PMCID: ');
    segments.push({ kind: 'link', text: reference.pmcid, url: pmcUrl(reference.pmcid) });
  }
  return segments;
}

export function referenceText(reference: Reference): string {
  return formatReference(reference)
    .map((segment) => segment.text)
    .join('');
}

/** What kind of study stands behind a reference, in words: "randomized controlled trial, n = 73". */
export function studySummary(reference: Reference): string | undefined {
  if (reference.official) return reference.kind ?? 'official record';
  if (!reference.design) return undefined;
  const parts: string[] = [reference.design];
  if (reference.studies) parts.push(`${reference.studies} studies`);
  if (reference.participants) parts.push(`n = ${reference.participants.toLocaleString('en-US')}`);
  return parts.join(', ');
}

function bibtexEscape(value: string): string {
  return value.replace(/([&%$#_])/g, '\\$1');
}

export function toBibtex(reference: Reference): string {
  const type = reference.official ? 'misc' : reference.type;
  const fields: [string, string | undefined][] = [
    [
      'author',
      reference.authors
        .map((p) => (p.literal ? `{${p.family}}` : `${p.family}, ${p.given}`))
        .concat(reference.moreAuthors ? ['others'] : [])
        .join(' and '),
    ],
    ['title', reference.title],
    ['journal', reference.container],
    ['organization', reference.organization],
    ['howpublished', reference.official ? reference.kind : undefined],
    ['year', reference.year],
    ['date', reference.date],
    ['volume', reference.volume],
    ['number', reference.issue],
    ['pages', reference.pages?.replace('-', '--')],
    ['doi', reference.doi],
    ['pmid', reference.pmid],
    ['url', reference.url],
  ];
  const body = fields
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([name, value]) => `  ${name} = {${name === 'url' || name === 'doi' ? value : bibtexEscape(value)}},`)
    .join('\n');
  return `@${type}{${reference.key},\n${body}\n}\n`;
}

export function toRis(reference: Reference): string {
  const lines: string[] = [`TY  - ${reference.official ? 'GOVDOC' : reference.type === 'article' ? 'JOUR' : 'GEN'}`];
  const add = (tag: string, value: string | undefined) => {
    if (value) lines.push(`${tag}  - ${value}`);
  };
  for (const person of reference.authors) add('AU', person.literal ? person.family : `${person.family}, ${person.given}`);
  add('TI', reference.title);
  add('JO', reference.container);
  add('PB', reference.organization ?? reference.publisher);
  add('PY', reference.year);
  add('DA', reference.date?.replaceAll('-', '/'));
  add('VL', reference.volume);
  add('IS', reference.issue);
  const [start, end] = reference.pages?.split('-') ?? [];
  add('SP', start);
  add('EP', end);
  add('DO', reference.doi);
  add('AN', reference.pmid ? `PMID:${reference.pmid}` : undefined);
  add('UR', reference.url ?? (reference.doi ? doiUrl(reference.doi) : undefined));
  add('ID', reference.key);
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}
