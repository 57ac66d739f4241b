import { describe, expect, it } from 'vitest';
import { CERTAINTY_LEVEL_IDS, CERTAINTY_LEVELS, certaintyFromWords, EVIDENCE_BASIS_IDS } from '../levels';

describe('evidence levels', () => {
  it('defines the four GRADE levels plus the official-record label, in order', () => {
    expect(CERTAINTY_LEVEL_IDS).toEqual(['high', 'moderate', 'low', 'very-low', 'official-record']);
    expect(CERTAINTY_LEVEL_IDS.filter((id) => CERTAINTY_LEVELS[id].graded)).toHaveLength(4);
  });

  it('uses GRADE’s definitions', () => {
    expect(CERTAINTY_LEVELS.high.definition).toBe('We are very confident that the true effect lies close to that of the estimate of the effect.');
    expect(CERTAINTY_LEVELS['very-low'].definition).toContain('very little confidence');
  });

  it('reads the words of a findings table’s certainty column', () => {
    expect(certaintyFromWords(' Very low ')).toBe('very-low');
    expect(certaintyFromWords('moderate certainty')).toBe('moderate');
    expect(certaintyFromWords('High')).toBe('high');
    expect(certaintyFromWords('Official record')).toBeUndefined();
    expect(certaintyFromWords('strong')).toBeUndefined();
  });

  it('names every evidence type', () => {
    expect(EVIDENCE_BASIS_IDS).toContain('preclinical');
    expect(EVIDENCE_BASIS_IDS).toContain('official-record');
  });
});
