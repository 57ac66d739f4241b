import { describe, expect, it } from 'vitest';
import { PATHS } from '../../content/paths';
import { parseGlossary, readGlossary, termPattern } from '../glossary';

const term = (id: string, match: string[]) => ({ id, term: id.toUpperCase(), match, definition: 'A short definition.' });

describe('glossary', () => {
  it('loads the site glossary with the terms the content standards name', () => {
    const { terms, problems } = readGlossary(PATHS.glossary);
    expect(problems).toEqual([]);
    const ids = terms.map((t) => t.id);
    for (const id of ['nmda', 'ampa', 'bdnf', 'trkb', 'mtor', 'hnk', 'trd', 'madrs', 'rems', 'grade']) expect(ids).toContain(id);
  });

  it('matches whole words only, longest first', () => {
    const { pattern } = termPattern(parseGlossary([term('nmda', ['NMDA receptor', 'NMDA']), term('norketamine', ['norketamine'])], 'g.json'));
    const found = [...'NMDA receptor, NMDAR and hydroxynorketamine; norketamine and NMDA.'.matchAll(pattern)].map((m) => m[0]);
    expect(found).toEqual(['NMDA receptor', 'norketamine', 'NMDA']);
  });

  it('rejects a duplicate id or match string, naming the entry', () => {
    expect(() => parseGlossary([term('a', ['A']), term('a', ['B'])], 'g.json')).toThrow('g.json: entry 2 (a): the id `a` is used twice');
    expect(() => parseGlossary([term('a', ['A']), term('b', ['A'])], 'g.json')).toThrow('the match string `A` is also listed under `a`');
  });

  it('rejects a definition that is too long', () => {
    expect(() => parseGlossary([{ ...term('a', ['A']), definition: 'word '.repeat(61) }], 'g.json')).toThrow('keep it to 60');
  });
});
