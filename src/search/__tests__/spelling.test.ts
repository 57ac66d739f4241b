// cspell:ignore ketamnie pregnacy dissociaton pharmacokinetcs esket -- deliberate misspellings, the input under test
import { describe, expect, it } from 'vitest';
import { correctQuery, correctWord, editDistance } from '../spelling';

const vocabulary = ['ketamine', 'esketamine', 'dissociation', 'pregnancy', 'bladder', 'pharmacokinetics', 'imaging'];

describe('spelling correction', () => {
  it('export the distance, the word and the query corrections', () => {
    expect([typeof editDistance, typeof correctWord, typeof correctQuery]).toEqual(['function', 'function', 'function']);
  });

  it('count a swap of adjacent letters as one edit', () => {
    expect(editDistance('ketamnie', 'ketamine')).toBe(1);
    expect(editDistance('pregnacy', 'pregnancy')).toBe(1);
    expect(editDistance('bladder', 'bladder')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stop counting once the distance is over the limit', () => {
    expect(editDistance('ketamine', 'pharmacokinetics', 2)).toBe(3);
  });

  it('correct an unknown word to the nearest known word', () => {
    expect(correctWord('ketamnie', vocabulary)).toBe('ketamine');
    expect(correctWord('dissociaton', vocabulary)).toBe('dissociation');
    expect(correctWord('pharmacokinetcs', vocabulary)).toBe('pharmacokinetics');
  });

  it('leave known words, prefixes, short words and numbers as typed', () => {
    expect(correctWord('ketamine', vocabulary)).toBeUndefined();
    expect(correctWord('esket', vocabulary)).toBeUndefined();
    expect(correctWord('im', vocabulary)).toBeUndefined();
    expect(correctWord('2019', vocabulary)).toBeUndefined();
  });

  it('leave a word with nothing near it as typed', () => {
    expect(correctWord('naltrexone', vocabulary)).toBeUndefined();
  });

  it('correct the words of a query, keeping the synonyms’ terms', () => {
    expect(correctQuery('ketamnie in pregnacy', vocabulary)).toBe('ketamine in pregnancy');
    expect(correctQuery('ketamine bladder', vocabulary)).toBeUndefined();
    expect(correctQuery('ketamnie', vocabulary, new Set(['ketamnie']))).toBeUndefined();
  });
});
