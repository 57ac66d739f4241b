/**
 * The bibliography's data model and the site's own rules for entries,
 * defined once.
 *
 * Converting BibTeX (TeX accents, dashes, name particles and suffixes,
 * dates) is citation-js's job: `toReference` receives the CSL-JSON item it
 * made and adds what is ours, the rules a reference must meet before the
 * site may cite it (key pattern, identifiers, official documents, study
 * design and participants), each problem phrased as the fix.
 */
import { stripBraces, type BibEntry, type Position } from './bibtex';
import type { CslItem, CslName } from './csl';

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

/** A person or body in an author list, as citation-js read it. */
export interface Person {
  readonly family?: string;
  readonly given?: string;
  /** A group author such as a trial consortium or an agency, kept as one name. */
  readonly literal?: string;
  readonly particle?: string;
  readonly suffix?: string;
}

export interface Reference {
  /** The entry's key; aliases resolve to the same reference. */
  readonly key: string;
  /** Earlier keys of the same source (BibTeX `ids`), kept so older editions keep building. */
  readonly aliases: readonly string[];
  /** BibTeX entry type in lower case. */
  readonly type: string;
  /** The CSL-JSON item every rendering and export starts from (its `id` is the key). */
  readonly csl: CslItem;
  readonly authors: readonly Person[];
  /** True when the author list was cut short with "and others". */
  readonly moreAuthors: boolean;
  readonly title: string;
  readonly container?: string;
  readonly year: string;
  readonly date?: string;
  readonly doi?: string;
  readonly pmid?: string;
  /** PubMed Central id, for articles whose record shows it (e.g. PMC3000408). */
  readonly pmcid?: string;
  readonly url?: string;
  readonly urldate?: string;
  readonly organization?: string;
  /** What kind of official document it is (BibTeX `howpublished`). */
  readonly kind?: string;
  /** The version of an official document that was read (BibTeX `version`). */
  readonly version?: string;
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

function field(entry: BibEntry, name: string): string | undefined {
  const value = entry.fields.get(name)?.value;
  return value === undefined || value === '' ? undefined : stripBraces(value);
}

function positionOf(entry: BibEntry, name: string): Position {
  return entry.fields.get(name)?.position ?? entry.position;
}

/** Our person from a CSL name; citation-js reads a braced name as a family name with no given name. */
function personOf(name: CslName): Person {
  if (name.literal) return { literal: name.literal };
  if (!name.given && name.family) return { literal: name.family };
  return {
    family: name.family,
    given: name.given,
    particle: [name['dropping-particle'], name['non-dropping-particle']].filter(Boolean).join(' ') || undefined,
    suffix: name.suffix,
  };
}

/** A person's name as one string: "Anna van der Berg Jr." or "World Health Organization". */
export function personName(person: Person): string {
  return person.literal ?? [person.given, person.particle, person.family, person.suffix].filter(Boolean).join(' ');
}

/**
 * Adds the site's rules to the CSL item citation-js made from an entry, and
 * lists every problem; the reference is usable only when there are none.
 */
export function toReference(entry: BibEntry, converted: CslItem): { reference: Reference; problems: EntryProblem[] } {
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

  const organization = field(entry, 'organization') ?? field(entry, 'institution') ?? plainField(converted, 'publisher');
  const official = entry.fields.has('organization') || entry.fields.has('institution');
  const names = converted.author ?? [];
  const moreAuthors = names.some((name) => name.family === 'others' && !name.given);
  const people = names.filter((name) => !(name.family === 'others' && !name.given)).map(personOf);
  if (people.length === 0) {
    if (official && organization) people.push({ literal: organization });
    else problem('bibliography-field', 'add `author = {Family, Given and Family, Given}` as the source lists them');
  }

  const title = converted.title;
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

  const container = converted['container-title'];
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

  const version = field(entry, 'version');
  if (official) {
    if (!date && !version) {
      problem(
        'bibliography-official',
        'an official document must record which version was read: the `date` of that version (YYYY-MM-DD, e.g. the label’s revision date) or, for an undated web page, `version = {as read on YYYY-MM-DD}`',
      );
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
      problem(
        'bibliography-participants',
        `\`participants\` must be a whole number, or \`${NOT_REPORTED}\` when the record gives none; not \`${participantsText}\``,
        'participants',
      );
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
      problem(
        'bibliography-participants',
        `a ${design} must record \`participants = {N}\` as the record reports it (or \`{${NOT_REPORTED}}\` if the record gives no number)`,
      );
    }
  }

  const csl: CslItem = {
    ...converted,
    id: entry.key,
    'citation-key': entry.key,
    ...(official ? { type: 'document', genre: field(entry, 'howpublished') ?? field(entry, 'type'), version, publisher: organization } : {}),
    author: people.map((person): CslName =>
      person.literal
        ? { literal: person.literal }
        : {
            family: person.family,
            given: person.given,
            ...(person.suffix ? { suffix: person.suffix } : {}),
            ...(person.particle ? { 'non-dropping-particle': person.particle } : {}),
          },
    ),
  };
  const reference: Reference = {
    key: entry.key,
    aliases: (field(entry, 'ids') ?? '').split(/[\s,]+/).filter(Boolean),
    type: entry.type,
    csl,
    authors: people,
    moreAuthors,
    title: title ?? '',
    container,
    year: year ?? '',
    date,
    doi,
    pmid,
    pmcid,
    url,
    urldate: field(entry, 'urldate'),
    organization,
    kind: field(entry, 'howpublished') ?? field(entry, 'type'),
    version,
    design,
    participants,
    studies,
    official,
    position: entry.position,
  };
  return { reference, problems };
}

function plainField(item: CslItem, name: 'publisher'): string | undefined {
  const value = item[name];
  return typeof value === 'string' && value ? value : undefined;
}
