/**
 * Parsing a YAML data file so that every later message can name the line
 * and column of the value it is about.
 *
 * The `yaml` package keeps each node's character range; a `LineCounter`
 * turns ranges into lines. Aliases are limited (`maxAliasCount`) so that a
 * file built to expand exponentially ("billion laughs") is refused quickly
 * instead of hanging the build.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** Aliases allowed when converting to plain data; a data file has no need for more. */
export const MAX_ALIAS_COUNT = 10;

export type DataPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlSyntaxError extends Position {
  readonly code: string;
  readonly message: string;
  /** The source text where the error starts, up to a colon or the end of the line (a duplicated key's name). */
  readonly text: string;
}

export interface ParsedYaml {
  /** The plain data, or undefined when the syntax is broken or aliases explode. */
  readonly value?: unknown;
  readonly errors: readonly YamlSyntaxError[];
  /** The position of the node at `path`, or of its nearest existing ancestor. */
  positionOf(path: DataPath): Position;
  /** The position of a key in the mapping at `path` (for unknown or duplicated fields). */
  positionOfKey(path: DataPath, key: string): Position;
}

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors: YamlSyntaxError[] = doc.errors.map((error) => ({
    ...at(error.pos[0]),
    code: error.code,
    message: error.message.split('\n')[0]!,
    text: /^[^:\n]*/.exec(source.slice(error.pos[0]))![0].trim(),
  }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      errors.push({ line: 1, column: 1, code: 'EXCESSIVE_ALIASES', message: error instanceof Error ? error.message : String(error), text: '' });
    }
  }
  const start = (node: Node | undefined): Position => at(node?.range?.[0] ?? 0);
  return {
    ...(errors.length === 0 ? { value } : {}),
    errors,
    positionOf: (path) => start(walk(doc, path).node),
    positionOfKey: (path, key) => {
      const { node, complete } = walk(doc, path);
      if (complete && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (pair && isScalar(pair.key)) return start(pair.key);
      }
      return start(node);
    },
  };
}

/** Follows `path` through maps and sequences as far as it exists. */
function walk(doc: Document, path: DataPath): { node: Node | undefined; complete: boolean } {
  let node = resolve(doc, doc.contents ?? undefined);
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) {
      next = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment)?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    const child = resolve(doc, next);
    if (!child) return { node, complete: false };
    node = child;
  }
  return { node, complete: true };
}

function resolve(doc: Document, value: unknown): Node | undefined {
  if (isAlias(value)) return value.resolve(doc) ?? undefined;
  if (isMap(value) || isSeq(value) || isScalar(value)) return value;
  return undefined;
}
