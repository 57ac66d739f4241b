import { describe, expect, it } from 'vitest';
import { CONSENSUS_WEIGHT, expandQuery, MAX_VARIANTS, mergeByScore, searchWords, synonymWords } from '../queryExpansion';

const groups = [
  ['TRD', 'treatment-resistant depression'],
  ['Spravato', 'esketamine', 'S-ketamine'],
  ['elderly', 'older adults', 'geriatric'],
  ['IM', 'intramuscular'],
];

describe('query expansion', () => {
  it('export the expansion, the merge and their limits', () => {
    expect(typeof expandQuery).toBe('function');
    expect(typeof mergeByScore).toBe('function');
    expect(MAX_VARIANTS).toBeGreaterThan(1);
    expect(CONSENSUS_WEIGHT).toBeLessThan(1);
  });

  it('split words as Pagefind does: lower case, no hyphens, no diacritics', () => {
    expect(searchWords('S-ketamine, Montgomery–Åsberg (MADRS)')).toEqual(['s', 'ketamine', 'montgomery', 'asberg', 'madrs']);
  });

  it('search the query as typed first, then each synonym in place of the term', () => {
    expect(expandQuery('TRD', groups)).toEqual(['TRD', 'treatment resistant depression']);
    expect(expandQuery('Spravato dose', groups)).toEqual(['Spravato dose', 'esketamine dose', 'ketamine dose']);
  });

  it('search a synonym without the lone letter of a hyphenated word, which matches any word and costs an index chunk', () => {
    expect(synonymWords('S-ketamine')).toEqual(['ketamine']);
    expect(synonymWords('treatment-resistant depression')).toEqual(['treatment', 'resistant', 'depression']);
    expect(expandQuery('esketamine', groups)).toEqual(['esketamine', 'spravato', 'ketamine']);
  });

  it('match a term written with hyphens or in capitals, and replace the whole phrase', () => {
    expect(expandQuery('Treatment-Resistant Depression relapse', groups)).toEqual(['Treatment-Resistant Depression relapse', 'trd relapse']);
    expect(expandQuery('s ketamine', groups)).toEqual(['s ketamine', 'spravato', 'esketamine']);
  });

  it('leave out question words, and expand the words that remain', () => {
    expect(expandQuery('ketamine for elderly', groups)).toEqual(['ketamine elderly', 'ketamine older adults', 'ketamine geriatric']);
    expect(expandQuery('is it safe', groups)).toEqual(['safe']);
    expect(expandQuery('how to', groups)).toEqual(['how to']);
  });

  it('leave a query without synonyms or question words alone', () => {
    expect(expandQuery('bladder damage', groups)).toEqual(['bladder damage']);
    expect(expandQuery('   ', groups)).toEqual([]);
  });

  it('combine several synonyms, fewest replacements first, up to the limit', () => {
    const variants = expandQuery('IM esketamine elderly', groups);
    expect(variants).toHaveLength(MAX_VARIANTS);
    expect(variants).toContain('intramuscular esketamine elderly');
    expect(variants.every((variant) => searchWords(variant).length >= 3)).toBe(true);
    expect(expandQuery('IM esketamine elderly', groups, 2)).toEqual(['IM esketamine elderly', 'im esketamine older adults']);
  });

  it('match only whole words: "imaging" is not "IM"', () => {
    expect(expandQuery('imaging', groups)).toEqual(['imaging']);
  });
});

describe('merging the searches of one query', () => {
  const result = (id: string, score: number) => ({ id, score, item: id });

  it('compare each search’s scores to its best, so a rare brand name cannot drown its synonym', () => {
    const brand = [result('rems', 15), result('bibliography', 9)];
    const generic = [result('dosing', 2.6), result('acute', 2.3)];
    expect(mergeByScore([brand, generic]).map((r) => r.id)).toEqual(['rems', 'dosing', 'acute', 'bibliography']);
  });

  it('rank a page found by several searches above one found by a single search at the same score', () => {
    const merged = mergeByScore([
      [result('a', 1), result('b', 0.5)],
      [result('b', 1), result('c', 0.5)],
    ]);
    expect(merged.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(merged[0]!.score).toBeCloseTo(1 + CONSENSUS_WEIGHT * 0.5);
  });

  it('return nothing for no results', () => {
    expect(mergeByScore([[], []])).toEqual([]);
  });
});
