import { PATHS } from '../../content/paths';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../content/problems';
import { readGlossary } from '../../glossary/glossary';
import { searchWords } from '../queryExpansion';
import { loadSynonyms, parseSynonyms, SYNONYMS_PATH } from '../synonyms';

const messages = (text: string) => parseSynonyms(text, 'search-synonyms.yaml').problems.map((p) => formatProblem(p));

describe('search synonyms', () => {
  it('export the loader, the parser and the file path', () => {
    expect(typeof loadSynonyms).toBe('function');
    expect(typeof parseSynonyms).toBe('function');
    expect(SYNONYMS_PATH).toMatch(/src[/\\]data[/\\]search-synonyms\.yaml$/);
  });

  it('read each line as a group of terms that mean the same thing', () => {
    const { groups, problems } = parseSynonyms('# comment\n- [TRD, treatment-resistant depression]\n- [IM, intramuscular]\n');
    expect(problems).toEqual([]);
    expect(groups).toEqual([
      ['TRD', 'treatment-resistant depression'],
      ['IM', 'intramuscular'],
    ]);
  });

  it('point at a group with one term and say what to do', () => {
    expect(messages('- [TRD, treatment-resistant depression]\n- [IM]\n')).toEqual([
      'search-synonyms.yaml:2:3: error: give a group at least two terms that mean the same thing, or remove it [search-synonyms]',
    ]);
  });

  it('point at an empty or non-text term', () => {
    expect(messages('- [TRD, ""]\n- [IM, [intramuscular]]\n')).toEqual([
      'search-synonyms.yaml:1:9: error: remove the empty term [search-synonyms]',
      'search-synonyms.yaml:2:8: error: write each term as text, e.g. `TRD` [search-synonyms]',
    ]);
  });

  it('point at a group that is not a list', () => {
    expect(messages('- [TRD, treatment-resistant depression]\n- IM: intramuscular\n')).toEqual([
      'search-synonyms.yaml:2:3: error: write each group as a list of terms, e.g. `- [TRD, treatment-resistant depression]` [search-synonyms]',
    ]);
  });

  it('ask to merge groups that share a term, naming the other group’s line', () => {
    expect(messages('- [Spravato, esketamine]\n- [IM, intramuscular]\n- [S-ketamine, Esketamine]\n')).toEqual([
      'search-synonyms.yaml:3:16: error: `Esketamine` (the same term as `esketamine` for search) is already in the group on line 1; merge the two groups into one [search-synonyms]',
    ]);
  });

  it('treat terms that differ only in case, hyphens or punctuation as one term', () => {
    expect(messages('- [OCD, obsessive-compulsive disorder, obsessive compulsive disorder]\n')).toEqual([
      'search-synonyms.yaml:1:40: error: `obsessive compulsive disorder` (the same term as `obsessive-compulsive disorder` for search) is listed twice in this group; remove one [search-synonyms]',
    ]);
  });

  it('report a YAML syntax error at its line', () => {
    expect(messages('- [TRD, treatment-resistant depression\n- [IM, intramuscular]\n')[0]).toMatch(/^search-synonyms\.yaml:2:1: error: fix the YAML syntax: /);
  });

  it('throw every problem of the real file when loading it', () => {
    expect(() => loadSynonyms(SYNONYMS_PATH)).not.toThrow();
  });
});

describe('the site’s synonyms file', () => {
  const groups = loadSynonyms();
  const terms = new Set(groups.flatMap((group) => group.map((term) => searchWords(term).join(' '))));

  it('covers the abbreviations readers type most', () => {
    for (const term of [
      'trd',
      'spravato',
      's ketamine',
      'arketamine',
      'hnk',
      'im',
      'iv',
      'sl',
      'kap',
      'ect',
      'elderly',
      'nnt',
      'rems',
      'si',
      'ptsd',
      'ocd',
      'mdd',
      'bdnf',
      'nmda',
    ]) {
      expect(terms, `add \`${term}\` to a group in src/data/search-synonyms.yaml`).toContain(term);
    }
  });

  it('has a group for every glossary abbreviation, so the abbreviation finds the pages that spell it out', () => {
    const missing = readGlossary(PATHS.glossary)
      .terms.filter((entry) => entry.abbreviation && entry.abbreviation !== entry.term)
      .filter((entry) => !terms.has(searchWords(entry.abbreviation!).join(' ')))
      .map((entry) => `${entry.abbreviation} (${entry.term})`);
    expect(missing, 'add a group `- [ABBREVIATION, full term]` to src/data/search-synonyms.yaml for each').toEqual([]);
  });
});
