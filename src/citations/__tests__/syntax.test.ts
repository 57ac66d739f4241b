import { describe, expect, it } from 'vitest';
import { findCitations, findMalformedCitations } from '../syntax';

describe('citation syntax', () => {
  it('finds single and multiple citations with their offsets', () => {
    expect(findCitations('A [@a2020b]. B [@c2021d; @e2022f].')).toEqual([
      { keys: ['a2020b'], start: 2, end: 11 },
      { keys: ['c2021d', 'e2022f'], start: 15, end: 33 },
    ]);
  });

  it('ignores ordinary brackets and email-like text', () => {
    expect(findCitations('see [the label] and name@example.org')).toEqual([]);
  });

  it('explains malformed citations', () => {
    expect(findMalformedCitations('x [@a2020b, @c2021d] y [@a2020b; c2021d] z [@a2020b')).toEqual([
      { start: 2, text: '[@a2020b, @c2021d]', fix: 'separate keys with a semicolon: `[@key1; @key2]`' },
      { start: 23, text: '[@a2020b; c2021d]', fix: 'start every key with `@`: `[@key1; @key2]`' },
      { start: 43, text: '[@a2020b', fix: 'close the citation with `]`' },
    ]);
  });
});
