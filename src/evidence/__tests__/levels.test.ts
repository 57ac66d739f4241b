import { describe, expect, it } from 'vitest';
import { certaintyFromWords, EVIDENCE_BASIS_IDS, GRADE_LEVELS, LABEL_KINDS, LABEL_LEVELS, LABEL_ORDER } from '../levels';

describe('evidence labels', () => {
  it('define one kind per type of question: GRADE for effects, descriptive for mechanism and pharmacology, official record for rules', () => {
    expect(Object.keys(LABEL_KINDS)).toEqual(['grade', 'descriptive', 'official-record']);
    expect(LABEL_ORDER.map((level) => `${level.kind}:${level.id}`)).toEqual([
      'grade:high',
      'grade:moderate',
      'grade:low',
      'grade:very-low',
      'descriptive:consistent-human',
      'descriptive:limited-human',
      'descriptive:preclinical-only',
      'official-record:official-record',
    ]);
    expect(GRADE_LEVELS.map((level) => level.marks)).toEqual([4, 3, 2, 1]);
  });

  it('use GRADE’s definitions for the GRADE levels', () => {
    expect(LABEL_LEVELS.high.definition).toBe('We are very confident that the true effect lies close to that of the estimate of the effect.');
    expect(LABEL_LEVELS['very-low'].definition).toContain('very little confidence');
  });

  it('read the words of a findings table’s certainty column, GRADE levels only', () => {
    expect(certaintyFromWords(' Very low ')).toBe('very-low');
    expect(certaintyFromWords('moderate certainty')).toBe('moderate');
    expect(certaintyFromWords('High')).toBe('high');
    expect(certaintyFromWords('Official record')).toBeUndefined();
    expect(certaintyFromWords('Limited human data')).toBeUndefined();
    expect(certaintyFromWords('strong')).toBeUndefined();
  });

  it('name every evidence type', () => {
    expect(EVIDENCE_BASIS_IDS).toContain('preclinical');
    expect(EVIDENCE_BASIS_IDS).toContain('official-record');
  });
});
