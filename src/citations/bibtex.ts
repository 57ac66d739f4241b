/**
 * A tolerant BibTeX scanner that keeps positions.
 *
 * Reference managers (Zotero, EndNote, Mendeley, JabRef) all export BibTeX,
 * so the bibliography is kept in that format. Converting an entry (TeX
 * accents, name particles, dashes) is citation-js's job (see
 * bibliography.ts); this scanner exists because citation-js stops at the
 * first syntax error and reports no line numbers, while a contributor needs
 * every error in the file at once, each with `file:line`. It finds entries
 * and fields and records where each starts; it never throws.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface BibField {
  readonly name: string;
  readonly value: string;
  readonly position: Position;
}

export interface BibEntry {
  /** Entry type in lower case: article, misc, book, report... */
  readonly type: string;
  readonly key: string;
  readonly fields: ReadonlyMap<string, BibField>;
  readonly position: Position;
  /** The entry's own text, from `@` to its closing brace, for converters that read BibTeX themselves. */
  readonly text: string;
}

export interface BibSyntaxProblem {
  readonly message: string;
  readonly position: Position;
}

export interface BibParseResult {
  readonly entries: BibEntry[];
  readonly problems: BibSyntaxProblem[];
}

/** Entry types that carry no reference and are skipped. */
const IGNORED_TYPES = new Set(['comment', 'preamble']);

export function parseBibtex(source: string): BibParseResult {
  const entries: BibEntry[] = [];
  const problems: BibSyntaxProblem[] = [];
  const lineStarts = [0];
  for (let i = 0; i < source.length; i += 1) {
    if (source[i] === '\n') lineStarts.push(i + 1);
  }
  const positionAt = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };

  let index = 0;
  const skipSpace = () => {
    while (index < source.length) {
      const char = source[index]!;
      if (/\s/.test(char)) index += 1;
      else if (char === '%') {
        while (index < source.length && source[index] !== '\n') index += 1;
      } else break;
    }
  };

  /** Reads a balanced {...} group starting at `index` (on the brace) and returns its inside. */
  const readBraced = (): string | undefined => {
    const start = index;
    let depth = 0;
    for (; index < source.length; index += 1) {
      const char = source[index];
      if (char === '\\') {
        index += 1;
        continue;
      }
      if (char === '{') depth += 1;
      else if (char === '}') {
        depth -= 1;
        if (depth === 0) {
          index += 1;
          return source.slice(start + 1, index - 1);
        }
      }
    }
    index = start;
    return undefined;
  };

  const readQuoted = (): string | undefined => {
    const start = index;
    let depth = 0;
    for (index += 1; index < source.length; index += 1) {
      const char = source[index];
      if (char === '\\') {
        index += 1;
        continue;
      }
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      else if (char === '"' && depth === 0) {
        index += 1;
        return source.slice(start + 1, index - 1);
      }
    }
    index = start;
    return undefined;
  };

  while (index < source.length) {
    const at = source.indexOf('@', index);
    if (at === -1) break;
    index = at + 1;
    const entryPosition = positionAt(at);
    const typeMatch = /^[A-Za-z]+/.exec(source.slice(index));
    if (!typeMatch) {
      problems.push({ message: 'expected an entry type after `@`, such as `@article{`', position: entryPosition });
      continue;
    }
    const type = typeMatch[0].toLowerCase();
    index += typeMatch[0].length;
    skipSpace();
    if (source[index] !== '{') {
      problems.push({
        message: `expected \`{\` after \`@${typeMatch[0]}\`; write entries as \`@${type}{key, field = {value}}\``,
        position: entryPosition,
      });
      continue;
    }
    if (IGNORED_TYPES.has(type)) {
      if (readBraced() === undefined) {
        problems.push({ message: `unclosed \`@${type}{\`: add the closing \`}\``, position: entryPosition });
        break;
      }
      continue;
    }
    if (type === 'string') {
      problems.push({
        message: '`@string` macros are not supported: write the full value in each entry',
        position: entryPosition,
      });
      readBraced();
      continue;
    }
    index += 1;
    skipSpace();
    const keyMatch = /^[^,\s{}]+/.exec(source.slice(index));
    if (!keyMatch) {
      problems.push({ message: `entry \`@${type}\` has no citation key: write \`@${type}{key,\``, position: entryPosition });
      continue;
    }
    const key = keyMatch[0];
    index += key.length;
    skipSpace();
    const fields = new Map<string, BibField>();
    let closed = false;
    let broken = false;
    if (source[index] === ',') index += 1;
    while (index < source.length) {
      skipSpace();
      if (source[index] === '}') {
        index += 1;
        closed = true;
        break;
      }
      const fieldStart = index;
      const nameMatch = /^[A-Za-z][\w-]*/.exec(source.slice(index));
      if (!nameMatch) {
        problems.push({
          message: `entry \`${key}\`: expected a field name or the closing \`}\`; check for a missing comma or brace`,
          position: positionAt(index),
        });
        broken = true;
        break;
      }
      const name = nameMatch[0].toLowerCase();
      index += nameMatch[0].length;
      skipSpace();
      if (source[index] !== '=') {
        problems.push({
          message: `entry \`${key}\`, field \`${name}\`: expected \`=\` after the field name`,
          position: positionAt(fieldStart),
        });
        broken = true;
        break;
      }
      index += 1;
      skipSpace();
      let value: string | undefined;
      if (source[index] === '{') value = readBraced();
      else if (source[index] === '"') value = readQuoted();
      else {
        const bare = /^[A-Za-z0-9_.:/-]+/.exec(source.slice(index));
        if (bare) {
          value = bare[0];
          index += bare[0].length;
        }
      }
      if (value === undefined) {
        problems.push({
          message: `entry \`${key}\`, field \`${name}\`: the value is not closed; wrap it in {braces} and balance them`,
          position: positionAt(fieldStart),
        });
        broken = true;
        break;
      }
      if (fields.has(name)) {
        problems.push({
          message: `entry \`${key}\` has the field \`${name}\` twice: keep one`,
          position: positionAt(fieldStart),
        });
      }
      fields.set(name, { name, value: normalizeSpace(value), position: positionAt(fieldStart) });
      skipSpace();
      if (source[index] === ',') index += 1;
      else if (source[index] !== '}') {
        problems.push({
          message: `entry \`${key}\`, after field \`${name}\`: expected \`,\` or the closing \`}\``,
          position: positionAt(index),
        });
        broken = true;
        break;
      }
    }
    if (!closed && !broken) {
      problems.push({ message: `entry \`${key}\` is not closed: add \`}\` at its end`, position: entryPosition });
    }
    if (broken) {
      // Resume at the next line that starts an entry, so one mistake does not hide the rest.
      const next = source.slice(index).search(/\n\s*@/);
      index = next === -1 ? source.length : index + next + 1;
      // A half-read entry would only add misleading "missing field" problems.
      continue;
    }
    entries.push({ type, key, fields, position: entryPosition, text: source.slice(at, index) });
  }
  return { entries, problems };
}

function normalizeSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Removes the braces BibTeX uses to protect case, keeping the text inside. */
export function stripBraces(value: string): string {
  return value.replace(/\\([&%$#_{}])/g, '$1').replace(/[{}]/g, '');
}
