/**
 * The glossary, defined once in src/data/glossary.json: the glossary page
 * is generated from it, and every page links the first use of each term to
 * its entry, with the definition shown on hover or focus.
 */
import { readFileSync } from 'node:fs';
import type { Problem } from '../content/problems';

const MAX_DEFINITION_WORDS = 60;

export interface GlossaryTerm {
  readonly id: string;
  readonly term: string;
  readonly abbreviation?: string;
  readonly expansion?: string;
  /** Exact, case-sensitive strings that mark a use of the term in page text. */
  readonly match: readonly string[];
  readonly definition: string;
}

/** Checks the glossary data; throws naming the entry and the fix. */
export function parseGlossary(raw: unknown, file: string): GlossaryTerm[] {
  if (!Array.isArray(raw)) throw new Error(`${file}: the glossary must be a JSON array of terms`);
  const ids = new Set<string>();
  const matches = new Map<string, string>();
  return raw.map((item: Record<string, unknown>, index) => {
    const where = `${file}: entry ${index + 1}${typeof item.id === 'string' ? ` (${item.id})` : ''}`;
    if (typeof item.id !== 'string' || !/^[a-z0-9-]+$/.test(item.id)) throw new Error(`${where}: give an \`id\` of lower-case letters, digits and hyphens`);
    if (ids.has(item.id)) throw new Error(`${where}: the id \`${item.id}\` is used twice`);
    ids.add(item.id);
    if (typeof item.term !== 'string' || !item.term) throw new Error(`${where}: give the \`term\``);
    if (typeof item.definition !== 'string' || !item.definition) throw new Error(`${where}: give a \`definition\``);
    const words = item.definition.split(/\s+/).length;
    if (words > MAX_DEFINITION_WORDS) throw new Error(`${where}: the definition has ${words} words; keep it to ${MAX_DEFINITION_WORDS}`);
    if (!Array.isArray(item.match) || item.match.length === 0 || item.match.some((m) => typeof m !== 'string' || !m.trim())) {
      throw new Error(`${where}: list the exact strings that mark the term in \`match\``);
    }
    for (const m of item.match as string[]) {
      const other = matches.get(m);
      if (other) throw new Error(`${where}: the match string \`${m}\` is also listed under \`${other}\``);
      matches.set(m, item.id);
    }
    return {
      id: item.id,
      term: item.term,
      abbreviation: typeof item.abbreviation === 'string' ? item.abbreviation : undefined,
      expansion: typeof item.expansion === 'string' ? item.expansion : undefined,
      match: item.match as string[],
      definition: item.definition,
    };
  });
}

/** Reads the glossary file; a problem (never an exception) when it is missing a field or is not JSON. */
export function readGlossary(path: string): { terms: GlossaryTerm[]; problems: Problem[] } {
  try {
    return { terms: parseGlossary(JSON.parse(readFileSync(path, 'utf8')), path), problems: [] };
  } catch (error) {
    const message = (error as Error).message.replace(`${path}: `, '');
    return { terms: [], problems: [{ file: path, line: 1, column: 1, ruleId: 'data-invalid', message }] };
  }
}

export interface TermPattern {
  readonly pattern: RegExp;
  readonly byMatch: ReadonlyMap<string, GlossaryTerm>;
}

/** One regular expression for all terms, longest match first, whole words only. */
export function termPattern(terms: readonly GlossaryTerm[]): TermPattern {
  const byMatch = new Map<string, GlossaryTerm>();
  for (const term of terms) for (const m of term.match) byMatch.set(m, term);
  const escaped = [...byMatch.keys()].sort((a, b) => b.length - a.length).map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`(?<![\\w-])(${escaped.join('|')})(?![\\w-])`, 'g'), byMatch };
}
