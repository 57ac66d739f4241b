/**
 * Hostile and careless input: 360 seeded mutations of the fixture site's
 * pages and bibliography (truncation, deleted front-matter lines, random
 * bytes, duplicated and shuffled lines). The validator must report, never
 * crash and never hang: no exception, no "the checker failed" message, and
 * every run well under a second or two.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PATHS } from '../paths';
import { FIXTURE_SITE } from '../../test/pipeline';
import { validateSite } from '../validate';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261201;
const MUTATIONS = 360;
const BYTES = [
  '\u0000',
  '\uFEFF',
  '\u2028',
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '$',
  '$$',
  '[@',
  ']',
  '{',
  '}',
  '%',
  '\\',
  '---',
  '\n',
  ':',
  '&a',
  '*a',
  '<!-->',
  '<script>',
  'javascript:',
  '\uD800',
  '\u00e9',
  '📚',
];

type Mutation = (text: string, next: () => number) => string;
const MUTATORS: Record<string, Mutation> = {
  truncate: (text, next) => text.slice(0, Math.floor(next() * text.length)),
  deleteLine: (text, next) => {
    const lines = text.split('\n');
    lines.splice(Math.floor(next() * Math.min(lines.length, 20)), 1);
    return lines.join('\n');
  },
  insertBytes: (text, next) => {
    let out = text;
    for (let i = 0; i < 1 + Math.floor(next() * 8); i += 1) {
      const at = Math.floor(next() * out.length);
      out = out.slice(0, at) + BYTES[Math.floor(next() * BYTES.length)]! + out.slice(at);
    }
    return out;
  },
  duplicateLine: (text, next) => {
    const lines = text.split('\n');
    const at = Math.floor(next() * lines.length);
    lines.splice(at, 0, lines[at] ?? '');
    return lines.join('\n');
  },
  shuffleLines: (text, next) => {
    const lines = text.split('\n');
    for (let i = 0; i < 3; i += 1) {
      const a = Math.floor(next() * lines.length);
      const b = Math.floor(next() * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }
    return lines.join('\n');
  },
};

describe('the validator under hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(FIXTURE_SITE, dir, { recursive: true });
  const targets = ['docs/conditions/example.md', 'docs/regulation/approvals.md', 'docs/reference/map.md', 'references.bib'];
  const originals = new Map(targets.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
  const paths = {
    bibliography: join(dir, 'references.bib'),
    data: join(dir, 'data'),
    glossary: join(dir, 'data', 'glossary.json'),
    pkParameters: join(dir, 'data', 'pk.json'),
    citationStyle: PATHS.citationStyle,
  };

  it(`reports, never crashes or hangs, over ${MUTATIONS} seeded mutations`, { timeout: 240_000 }, () => {
    const next = random(SEED);
    const names = Object.keys(MUTATORS);
    const failures: string[] = [];
    let slowest = 0;
    for (let i = 0; i < MUTATIONS; i += 1) {
      const target = targets[Math.floor(next() * targets.length)]!;
      const name = names[Math.floor(next() * names.length)]!;
      const text = MUTATORS[name]!(originals.get(target)!, next);
      writeFileSync(join(dir, target), text);
      const started = performance.now();
      try {
        const result = validateSite({ siteDir: dir, paths, today: new Date('2026-11-21') });
        const internal = result.problems.filter((p) => p.ruleId === 'internal-error');
        if (internal.length) failures.push(`#${i} ${name} ${target}: ${internal[0]!.message}`);
      } catch (error) {
        failures.push(`#${i} ${name} ${target}: threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
      }
      slowest = Math.max(slowest, performance.now() - started);
      writeFileSync(join(dir, target), originals.get(target)!);
    }
    expect(failures).toEqual([]);
    // A hang would show as one run taking far longer than the rest; the fixture site validates in tens of milliseconds.
    expect(slowest).toBeLessThan(5000);
  });
});
