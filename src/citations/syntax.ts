/**
 * The citation syntax of the site's Markdown, defined once.
 *
 * A citation is one or more keys in square brackets, each with an `@`:
 * `[@berman2000antidepressant]` or `[@zarate2006randomized; @murrough2013antidepressant]`.
 * It is the Pandoc syntax, which reference managers and most Markdown tools
 * already understand.
 */

export interface CitationMatch {
  /** The keys in the order written. */
  readonly keys: string[];
  /** Offset of the opening bracket in the searched text. */
  readonly start: number;
  /** Offset just past the closing bracket. */
  readonly end: number;
}

export interface MalformedCitation {
  readonly start: number;
  readonly text: string;
  readonly fix: string;
}

const CITATION = /\[(@[^\]\s;]+(?:\s*;\s*@[^\]\s;]+)*)\]/g;
/** Anything that starts like a citation; used to find mistakes the strict pattern skips. */
const CITATION_LIKE = /\[\s*@[^\]]*\]?/g;

export function findCitations(text: string): CitationMatch[] {
  const found: CitationMatch[] = [];
  for (const match of text.matchAll(CITATION)) {
    const keys = match[1]!.split(';').map((part) => part.trim().slice(1));
    found.push({ keys, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Citation-like text that is not a valid citation, with the fix. */
export function findMalformedCitations(text: string): MalformedCitation[] {
  const valid = new Set(findCitations(text).map((c) => c.start));
  const problems: MalformedCitation[] = [];
  for (const match of text.matchAll(CITATION_LIKE)) {
    if (valid.has(match.index)) continue;
    const body = match[0];
    let fix = 'write citations as `[@key]` or `[@key1; @key2]`';
    if (!body.endsWith(']')) fix = 'close the citation with `]`';
    else if (/,\s*@/.test(body)) fix = 'separate keys with a semicolon: `[@key1; @key2]`';
    else if (/;\s*[^@\s]/.test(body)) fix = 'start every key with `@`: `[@key1; @key2]`';
    else if (/^\[\s+@/.test(body)) fix = 'remove the space after `[`';
    problems.push({ start: match.index, text: body, fix });
  }
  return problems;
}
