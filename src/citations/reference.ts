/**
 * The bibliography's data model and its rules, defined once.
 *
 * `toReference` turns a parsed BibTeX entry into a `Reference` and lists
 * every way the entry breaks the rules, each phrased as the fix. The
 * validator, the build plugins and the tests all use these functions.
 */
import { stripBraces, type BibEntry, type Position } from './bibtex';

/** `<first author's family name or issuing body><year><first significant title word>` */
export const KEY_PATTERN = /^[a-z]+[0-9]{4}[a-z]+$/;
export const KEY_PATTERN_HELP =
  'keys are the first author’s family name (or the issuing body’s acronym), the year and the first significant title word, lower case with no spaces, e.g. `berman2000antidepressant` or `fda2019spravato`';

/** The participants value for a record that was read and states no number. */
export const NOT_REPORTED = 'not reported';

export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;
export const PMID_PATTERN = /^[1-9][0-9]{0,8}$/;
export const PMCID_PATTERN = /^PMC[1-9][0-9]{0,9}$/;
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Study designs a bibliography entry may declare. */
export const STUDY_DESIGNS = [
  'meta-analysis',
  'systematic review',
  'randomized controlled trial',
  'randomized crossover trial',
  'open-label trial',
  'cohort study',
  'case-control study',
  'cross-sectional study',
  'case series',
  'case report',
  'pharmacokinetic study',
  'preclinical',
  'narrative review',
  'consensus statement',
  'guideline',
] as const;

export type StudyDesign = (typeof STUDY_DESIGNS)[number];

/** Designs that study people and so must report how many took part. */
const DESIGNS_WITH_PARTICIPANTS: ReadonlySet<StudyDesign> = new Set([
  'meta-analysis',
  'randomized controlled trial',
  'randomized crossover trial',
  'open-label trial',
  'cohort study',
  'case-control study',
  'cross-sectional study',
  'case series',
  'pharmacokinetic study',
]);

/** Fields the site understands; anything else is kept but ignored (exports carry many). */
export interface Person {
  readonly family: string;
  readonly given: string;
  /** A group author such as a trial consortium or an agency. */
  readonly literal?: boolean;
}

export interface Reference {
  readonly key: string;
  readonly type: string;
  readonly authors: readonly Person[];
  /** True when the author list was cut short with "and others". */
  readonly moreAuthors: boolean;
  readonly title: string;
  readonly container?: string;
  readonly year: string;
  readonly date?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly pages?: string;
  readonly doi?: string;
  readonly pmid?: string;
  /** PubMed Central id, for articles whose record shows it (e.g. PMC3000408). */
  readonly pmcid?: string;
  readonly url?: string;
  readonly urldate?: string;
  readonly organization?: string;
  readonly kind?: string;
  readonly publisher?: string;
  readonly design?: StudyDesign;
  readonly participants?: number;
  readonly studies?: number;
  /** An official document: a label, REMS, notice, announcement or decision. */
  readonly official: boolean;
  readonly position: Position;
}

export interface EntryProblem {
  readonly ruleId: string;
  readonly message: string;
  readonly position: Position;
}

export function parsePeople(value: string): { people: Person[]; more: boolean } {
  const parts = value.split(/\s+and\s+(?![^{]*})/);
  const people: Person[] = [];
  let more = false;
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (part === 'others') {
      more = true;
      continue;
    }
    if (part.startsWith('{') && part.endsWith('}')) {
      people.push({ family: stripBraces(part), given: '', literal: true });
      continue;
    }
    const clean = stripBraces(part);
    const comma = clean.indexOf(',');
    if (comma !== -1) {
      people.push({ family: clean.slice(0, comma).trim(), given: clean.slice(comma + 1).trim() });
    } else {
      const words = clean.split(/\s+/);
      const family = words.pop() ?? clean;
      people.push({ family, given: words.join(' ') });
    }
  }
  return { people, more };
}

function field(entry: BibEntry, name: string): string | undefined {
  const value = entry.fields.get(name)?.value;
  return value === undefined || value === '' ? undefined : stripBraces(value);
}

function positionOf(entry: BibEntry, name: string): Position {
  return entry.fields.get(name)?.position ?? entry.position;
}

/** Converts an entry and lists its problems; the reference is usable only when there are none. */
export function toReference(entry: BibEntry): { reference: Reference; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const problem = (ruleId: string, message: string, at: string | Position = entry.position) =>
    problems.push({
      ruleId,
      message: `\`${entry.key}\`: ${message}`,
      position: typeof at === 'string' ? positionOf(entry, at) : at,
    });

  if (!KEY_PATTERN.test(entry.key)) {
    problem('bibliography-key', `rename the key: ${KEY_PATTERN_HELP}`);
  }

  const organization = field(entry, 'organization') ?? field(entry, 'institution');
  const official = organization !== undefined;
  const { people, more } = parsePeople(entry.fields.get('author')?.value ?? '');
  if (people.length === 0) {
    if (official) people.push({ family: organization, given: '', literal: true });
    else problem('bibliography-field', 'add `author = {Family, Given and Family, Given}` as the source lists them');
  }

  const title = field(entry, 'title');
  if (!title) problem('bibliography-field', 'add the `title` exactly as the source shows it');

  const date = field(entry, 'date');
  const year = field(entry, 'year') ?? date?.slice(0, 4);
  if (!year || !/^\d{4}$/.test(year)) {
    problem('bibliography-field', 'add a four-digit `year` (or a `date` as YYYY-MM-DD)', 'year');
  } else {
    const keyYear = /[0-9]{4}/.exec(entry.key)?.[0];
    if (keyYear && keyYear !== year && KEY_PATTERN.test(entry.key)) {
      problem('bibliography-key', `the key says ${keyYear} but the year is ${year}: correct whichever is wrong`, 'year');
    }
  }
  if (date !== undefined && !DATE_PATTERN.test(date)) {
    problem('bibliography-field', `write the date \`${date}\` as YYYY-MM-DD (or YYYY-MM)`, 'date');
  }

  const container = field(entry, 'journal') ?? field(entry, 'booktitle');
  if (entry.type === 'article' && !container) {
    problem('bibliography-field', 'add the `journal` name as the PubMed record gives it', entry.position);
  }

  const doi = field(entry, 'doi')?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (doi !== undefined && !DOI_PATTERN.test(doi)) {
    problem('bibliography-doi', `\`${doi}\` is not a DOI: a DOI looks like \`10.1016/j.biopsych.2005.01.001\` (no URL prefix)`, 'doi');
  }
  const pmid = field(entry, 'pmid');
  if (pmid !== undefined && !PMID_PATTERN.test(pmid)) {
    problem('bibliography-pmid', `\`${pmid}\` is not a PMID: a PMID is a whole number of up to nine digits, e.g. \`10686270\``, 'pmid');
  }
  const pmcid = field(entry, 'pmcid');
  if (pmcid !== undefined && !PMCID_PATTERN.test(pmcid)) {
    problem('bibliography-pmcid', `\`${pmcid}\` is not a PubMed Central id: it looks like \`PMC3000408\``, 'pmcid');
  }
  const url = field(entry, 'url');
  if (url !== undefined && !/^https:\/\/[^\s]+$/.test(url)) {
    problem('bibliography-url', `the url must start with https:// and contain no spaces`, 'url');
  }

  if (official) {
    if (!date && !field(entry, 'urldate')) {
      problem('bibliography-official', 'an official document needs the `date` it was issued (YYYY-MM-DD), or for an undated web page the `urldate` it was read');
    }
    if (!url && !doi && !pmid) problem('bibliography-official', 'an official document needs a stable `url` to the issuing body’s copy');
  } else if (!doi && !pmid && !pmcid) {
    problem(
      'bibliography-identifier',
      'add the `doi` and/or `pmid` (or `pmcid`) from the PubMed record; an official document instead needs `organization`, `date` and `url`',
    );
  }

  const designText = field(entry, 'design')?.toLowerCase();
  let design: StudyDesign | undefined;
  if (designText !== undefined) {
    if ((STUDY_DESIGNS as readonly string[]).includes(designText)) design = designText as StudyDesign;
    else problem('bibliography-design', `unknown design \`${designText}\`; use one of: ${STUDY_DESIGNS.join(', ')}`, 'design');
  } else if (!official) {
    problem('bibliography-design', `add \`design = {...}\`, one of: ${STUDY_DESIGNS.join(', ')}`);
  }

  const participantsText = field(entry, 'participants');
  let participants: number | undefined;
  if (participantsText !== undefined) {
    participants = /^[1-9][0-9]*$/.test(participantsText) ? Number(participantsText) : undefined;
    // "not reported" records that the record was read and gives no number, which is different from not looking.
    if (participants === undefined && participantsText !== NOT_REPORTED) {
      problem('bibliography-participants', `\`participants\` must be a whole number, or \`${NOT_REPORTED}\` when the record gives none; not \`${participantsText}\``, 'participants');
    }
  }
  const studiesText = field(entry, 'studies');
  const studies = studiesText && /^[1-9][0-9]*$/.test(studiesText) ? Number(studiesText) : undefined;
  if (studiesText !== undefined && studies === undefined) {
    problem('bibliography-field', `\`studies\` must be a whole number, not \`${studiesText}\``, 'studies');
  }
  if (participantsText === undefined && design && DESIGNS_WITH_PARTICIPANTS.has(design)) {
    if (design === 'meta-analysis') {
      if (studies === undefined) {
        problem('bibliography-participants', 'a meta-analysis must record `participants = {N}` (pooled) or `studies = {N}` as the record reports them');
      }
    } else {
      problem('bibliography-participants', `a ${design} must record \`participants = {N}\` as the record reports it (or \`{${NOT_REPORTED}}\` if the record gives no number)`);
    }
  }

  const reference: Reference = {
    key: entry.key,
    type: entry.type,
    authors: people,
    moreAuthors: more,
    title: title ?? '',
    container,
    year: year ?? '',
    date,
    volume: field(entry, 'volume'),
    issue: field(entry, 'number') ?? field(entry, 'issue'),
    pages: field(entry, 'pages')?.replace(/-{1,2}/, '-'),
    doi,
    pmid,
    pmcid,
    url,
    urldate: field(entry, 'urldate'),
    organization,
    kind: field(entry, 'howpublished') ?? field(entry, 'type'),
    publisher: field(entry, 'publisher'),
    design,
    participants,
    studies,
    official,
    position: entry.position,
  };
  return { reference, problems };
}
