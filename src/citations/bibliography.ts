/**
 * Loads the site's one bibliography once per build (and again only when
 * the file changes): the tolerant scanner finds every entry and every
 * syntax error with its position, citation-js converts each entry to
 * CSL-JSON, and the site's rules check it. Keys listed in an entry's `ids`
 * field are aliases: an edition that cites an old key keeps building and
 * gets the same reference.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Problem } from '../content/problems';
import { parseBibtex } from './bibtex';
import { cslFromBibtex, registerStyle } from './csl';
import { toReference, type Reference } from './reference';

export interface Bibliography {
  readonly path: string;
  /** Every key and alias, each mapped to its reference (an alias maps to the entry that lists it). */
  readonly references: ReadonlyMap<string, Reference>;
  /** Every problem in the file; the bibliography must not be used to publish while any error exists. */
  readonly problems: readonly Problem[];
}

/** The canonical entries, without aliases, in file order. */
export function entriesOf(bibliography: Bibliography): Reference[] {
  return [...new Set(bibliography.references.values())];
}

export function readBibliography(path: string, source: string): Bibliography {
  const { entries, problems: syntaxProblems } = parseBibtex(source);
  const problems: Problem[] = syntaxProblems.map((p) => ({ file: path, ...p.position, ruleId: 'bibliography-syntax', message: p.message }));
  const references = new Map<string, Reference>();
  const byDoi = new Map<string, string>();
  const byPmid = new Map<string, string>();
  for (const entry of entries) {
    const converted = cslFromBibtex(entry.text);
    if ('error' in converted) {
      problems.push({
        file: path,
        ...entry.position,
        ruleId: 'bibliography-syntax',
        message: `\`${entry.key}\` cannot be converted (${converted.error}): check its braces and TeX commands`,
      });
      continue;
    }
    const { reference, problems: entryProblems } = toReference(entry, converted.item);
    for (const p of entryProblems) problems.push({ file: path, ...p.position, ruleId: p.ruleId, message: p.message });
    const earlier = references.get(entry.key);
    if (earlier) {
      problems.push({
        file: path,
        ...entry.position,
        ruleId: 'bibliography-duplicate',
        message:
          earlier.key === entry.key
            ? `\`${entry.key}\` is defined twice (first at line ${earlier.position.line}): keep one entry and merge their fields`
            : `\`${entry.key}\` is already an alias (in \`ids\`) of \`${earlier.key}\`: remove this entry, or remove the alias`,
      });
      continue;
    }
    for (const [id, index, name] of [
      [reference.doi?.toLowerCase(), byDoi, 'DOI'],
      [reference.pmid, byPmid, 'PMID'],
    ] as const) {
      if (!id) continue;
      const other = index.get(id);
      if (other) {
        problems.push({
          file: path,
          ...entry.position,
          ruleId: 'bibliography-duplicate',
          message: `\`${entry.key}\` has the same ${name} (${id}) as \`${other}\`: one source gets one entry; list \`${entry.key}\` in the \`ids\` of \`${other}\` and remove this entry`,
        });
      } else index.set(id, entry.key);
    }
    references.set(entry.key, reference);
    for (const alias of reference.aliases) {
      const taken = references.get(alias);
      if (taken) {
        problems.push({
          file: path,
          ...entry.position,
          ruleId: 'bibliography-duplicate',
          message: `the alias \`${alias}\` of \`${entry.key}\` is already used by \`${taken.key}\`: an alias belongs to one entry`,
        });
      } else references.set(alias, reference);
    }
  }
  return { path, references, problems };
}

const cache = new Map<string, { signature: string; bibliography: Bibliography }>();

/**
 * The bibliography at `path`, rendered with the style at `stylePath`.
 * Loaded once and reused until either file changes, so every page of a
 * build shares one parse.
 */
export function loadBibliography(path: string, stylePath: string): Bibliography {
  const signature = `${statSync(path).mtimeMs}:${statSync(stylePath).mtimeMs}`;
  const cached = cache.get(path);
  registerStyle(readFileSync(stylePath, 'utf8'));
  if (cached && cached.signature === signature) return cached.bibliography;
  const bibliography = readBibliography(path, readFileSync(path, 'utf8'));
  cache.set(path, { signature, bibliography });
  return bibliography;
}

/** The nearest known key, for "did you mean" messages; undefined when nothing is close. */
export function suggestKey(key: string, keys: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of keys) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(3, Math.floor(key.length / 3)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
