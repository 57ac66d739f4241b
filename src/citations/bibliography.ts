/**
 * Loads the site's one bibliography, once per change of the file.
 *
 * Remark plugins run once per page; reading and validating the .bib file
 * on every page would repeat the same work hundreds of times, so the loaded
 * bibliography is cached by path and modification time.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseBibtex } from './bibtex';
import { toReference, type Reference } from './reference';
import type { Problem } from '../content/problems';

export interface Bibliography {
  readonly path: string;
  readonly references: ReadonlyMap<string, Reference>;
  /** Every problem in the file; the bibliography must not be used to publish while any exist. */
  readonly problems: readonly Problem[];
}

export function readBibliography(path: string, source: string): Bibliography {
  const { entries, problems: syntaxProblems } = parseBibtex(source);
  const problems: Problem[] = syntaxProblems.map((p) => ({
    file: path,
    ...p.position,
    ruleId: 'bibliography-syntax',
    message: p.message,
  }));
  const references = new Map<string, Reference>();
  const byDoi = new Map<string, string>();
  const byPmid = new Map<string, string>();
  for (const entry of entries) {
    const { reference, problems: entryProblems } = toReference(entry);
    for (const p of entryProblems) problems.push({ file: path, ...p.position, ruleId: p.ruleId, message: p.message });
    const earlier = references.get(entry.key);
    if (earlier) {
      problems.push({
        file: path,
        ...entry.position,
        ruleId: 'bibliography-duplicate',
        message: `\`${entry.key}\` is defined twice (first at line ${earlier.position.line}): keep one entry and merge their fields`,
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
          message: `\`${entry.key}\` has the same ${name} (${id}) as \`${other}\`: one source gets one entry; cite \`${other}\` instead and remove this one`,
        });
      } else index.set(id, entry.key);
    }
    references.set(entry.key, reference);
  }
  return { path, references, problems };
}

const cache = new Map<string, { mtimeMs: number; bibliography: Bibliography }>();

export function loadBibliography(path: string): Bibliography {
  const { mtimeMs } = statSync(path);
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.bibliography;
  const bibliography = readBibliography(path, readFileSync(path, 'utf8'));
  cache.set(path, { mtimeMs, bibliography });
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
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
