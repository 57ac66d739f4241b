/**
 * The search synonyms, defined once in src/data/search-synonyms.yaml:
 * read and checked here at build time, written beside each edition's
 * search index as synonyms.json, and applied to the reader's query by
 * src/search/queryExpansion.ts.
 */
import { readFileSync } from 'node:fs';
import { isNode, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import * as z from 'zod';
import { PATHS, SITE_DIR } from '../content/paths';
import { ContentError, type Problem } from '../content/problems';
import { searchWords, type SynonymGroups } from './queryExpansion';

export const SYNONYMS_PATH = PATHS.searchSynonyms;

const RULE = 'search-synonyms';

const term = z
  .string({ error: 'write each term as text, e.g. `TRD`' })
  .trim()
  .min(1, { error: 'remove the empty term', abort: true })
  .refine((value) => searchWords(value).length > 0, 'use letters or digits in each term');

const group = z
  .array(term, { error: 'write each group as a list of terms, e.g. `- [TRD, treatment-resistant depression]`' })
  .min(2, 'give a group at least two terms that mean the same thing, or remove it');

const file = z.array(group, { error: 'the file must be a list of groups, each on its own line starting with `- [`' });

/** The line and column of the YAML node at `path`, or of the nearest node above it. */
function placeOf(root: YamlNode | null, path: readonly PropertyKey[], lines: LineCounter): { line: number; column: number } {
  let node: unknown = root;
  for (const key of path) {
    if (!isSeq(node) || typeof key !== 'number' || !isNode(node.items[key])) break;
    node = node.items[key];
  }
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/**
 * Checks the synonyms file and returns its groups, or every problem with
 * its position and fix. A term in two groups is a problem: the groups
 * would disagree on what the term means.
 */
export function parseSynonyms(text: string, path = SYNONYMS_PATH): { groups: string[][]; problems: Problem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: Problem[] = document.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { file: path, line, column: col, ruleId: RULE, message: `fix the YAML syntax: ${error.message.split('\n')[0]}` };
  });
  if (problems.length > 0) return { groups: [], problems };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 20 });
  } catch (error) {
    // Alias bombs and other resource limits are the contributor's file, not a crash.
    return {
      groups: [],
      problems: [
        {
          file: path,
          line: 1,
          column: 1,
          ruleId: RULE,
          message: `the file cannot be read (${(error as Error).message}): write each group in full, without YAML aliases`,
        },
      ],
    };
  }
  const parsed = file.safeParse(data ?? []);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: path, ...placeOf(document.contents, issue.path, lines), ruleId: RULE, message: issue.message });
    }
    return { groups: [], problems };
  }
  // Search ignores case, hyphens and punctuation, so terms that differ only in those are the same term.
  const owner = new Map<string, { group: number; value: string }>();
  parsed.data.forEach((terms, groupIndex) => {
    terms.forEach((value, termIndex) => {
      const key = searchWords(value).join(' ');
      const other = owner.get(key);
      if (other === undefined) owner.set(key, { group: groupIndex, value });
      else {
        const otherLine = placeOf(document.contents, [other.group], lines).line;
        const same = other.value === value ? `\`${value}\`` : `\`${value}\` (the same term as \`${other.value}\` for search)`;
        const message =
          other.group === groupIndex
            ? `${same} is listed twice in this group; remove one`
            : `${same} is already in the group on line ${otherLine}; merge the two groups into one`;
        problems.push({ file: path, ...placeOf(document.contents, [groupIndex, termIndex], lines), ruleId: RULE, message });
      }
    });
  });
  return { groups: problems.length > 0 ? [] : parsed.data, problems };
}

/** Reads and checks the synonyms file; throws every problem, positioned, when it has any. */
export function loadSynonyms(path = SYNONYMS_PATH): SynonymGroups {
  const { groups, problems } = parseSynonyms(readFileSync(path, 'utf8'), path);
  if (problems.length > 0) throw new ContentError(problems, SITE_DIR);
  return groups;
}
