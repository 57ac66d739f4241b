import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/pipeline';
import { readBibliography, suggestKey } from '../bibliography';
import { parseBibtex } from '../bibtex';
import { cslFromBibtex } from '../csl';
import { KEY_PATTERN, toReference } from '../reference';

const entry = (source: string) => {
  const parsed = parseBibtex(source).entries[0]!;
  const converted = cslFromBibtex(parsed.text);
  if ('error' in converted) throw new Error(converted.error);
  return toReference(parsed, converted.item);
};

describe('toReference', () => {
  it('accepts a complete journal article', () => {
    const { reference, problems } = entry(
      '@article{smith2020trial, author = {Smith, Anna B. and Jones, Carl}, title = {T}, journal = {J}, year = {2020}, doi = {10.1000/xyz.1}, pmid = {123}, design = {randomized controlled trial}, participants = {40}}',
    );
    expect(problems).toEqual([]);
    expect(reference).toMatchObject({ key: 'smith2020trial', year: '2020', doi: '10.1000/xyz.1', pmid: '123', participants: 40, official: false });
    expect(reference.authors).toEqual([
      { family: 'Smith', given: 'Anna B.' },
      { family: 'Jones', given: 'Carl' },
    ]);
    expect(reference.csl).toMatchObject({ id: 'smith2020trial', type: 'article-journal', title: 'T', DOI: '10.1000/xyz.1' });
  });

  it('accepts an official document with body, version date and URL instead of DOI or PMID', () => {
    const { reference, problems } = entry(
      '@misc{fda2019spravato, author = {{U.S. Food and Drug Administration}}, title = {T}, organization = {U.S. Food and Drug Administration}, date = {2019-03-05}, url = {https://www.fda.gov/x}}',
    );
    expect(problems).toEqual([]);
    expect(reference).toMatchObject({ official: true, year: '2019', date: '2019-03-05' });
    expect(reference.csl).toMatchObject({
      type: 'document',
      author: [{ literal: 'U.S. Food and Drug Administration' }],
      publisher: 'U.S. Food and Drug Administration',
    });
  });

  it('asks an official document for the version or date it describes', () => {
    const { problems } = entry(
      '@misc{fda2019spravato, author = {{U.S. Food and Drug Administration}}, title = {T}, organization = {U.S. Food and Drug Administration}, year = {2019}, urldate = {2026-11-21}, url = {https://www.fda.gov/x}}',
    );
    expect(problems.map((p) => p.message)).toEqual([
      '`fda2019spravato`: an official document must record which version was read: the `date` of that version (YYYY-MM-DD, e.g. the label’s revision date) or, for an undated web page, `version = {as read on YYYY-MM-DD}`',
    ]);
  });

  it('rejects an entry with neither DOI, PMID nor official URL, saying what to add', () => {
    const { problems } = entry('@article{smith2020trial, author = {Smith, A}, title = {T}, journal = {J}, year = {2020}, design = {case report}}');
    expect(problems.map((p) => p.message)).toEqual([
      '`smith2020trial`: add the `doi` and/or `pmid` (or `pmcid`) from the PubMed record; an official document instead needs `organization`, `date` and `url`',
    ]);
  });

  it('rejects a DOI or PMID of impossible form', () => {
    const { problems } = entry(
      '@article{smith2020trial, author = {Smith, A}, title = {T}, journal = {J}, year = {2020}, doi = {doi:10.1/x}, pmid = {PMID1}, design = {case report}}',
    );
    expect(problems.map((p) => p.ruleId)).toEqual(['bibliography-doi', 'bibliography-pmid']);
    expect(problems[0]!.message).toContain('is not a DOI');
    expect(problems[1]!.message).toContain('is not a PMID');
  });

  it('requires participants for studies of people', () => {
    const { problems } = entry('@article{smith2020trial, author = {Smith, A}, title = {T}, journal = {J}, year = {2020}, pmid = {1}, design = {cohort study}}');
    expect(problems.map((p) => p.message)).toEqual([
      '`smith2020trial`: a cohort study must record `participants = {N}` as the record reports it (or `{not reported}` if the record gives no number)',
    ]);
  });

  it('accepts "not reported" for a study whose record gives no number', () => {
    const { reference, problems } = entry(
      '@article{smith2020trial, author = {Smith, A}, title = {T}, journal = {J}, year = {2020}, pmid = {1}, design = {cohort study}, participants = {not reported}}',
    );
    expect(problems).toEqual([]);
    expect(reference.participants).toBeUndefined();
  });

  it('catches a key whose year disagrees with the year field', () => {
    const { problems } = entry(
      '@article{smith2021trial, author = {Smith, A}, title = {T}, journal = {J}, year = {2020}, pmid = {1}, design = {narrative review}}',
    );
    expect(problems.map((p) => p.message)).toEqual(['`smith2021trial`: the key says 2021 but the year is 2020: correct whichever is wrong']);
  });

  it('documents the key pattern with examples that match it', () => {
    for (const key of ['berman2000antidepressant', 'fda2019spravato']) expect(KEY_PATTERN.test(key)).toBe(true);
    for (const key of ['Berman2000', 'berman-2000-x', 'berman2000']) expect(KEY_PATTERN.test(key)).toBe(false);
  });

  it('reads group authors, particles, suffixes, TeX accents and "and others" through citation-js', () => {
    const { reference } = entry(
      '@article{anand2023ketamine, author = {{ELEKT-D Study Group} and Gon{\\c{c}}alves, Jo{\\~a}o and van der Berg, Anna and Smith, Jr., John and others}, title = {Ketamine -- a trial}, journal = {J}, year = {2023}, pmid = {1}, design = {narrative review}}',
    );
    expect(reference.authors).toEqual([
      { literal: 'ELEKT-D Study Group' },
      { family: 'Gonçalves', given: 'João' },
      { family: 'Berg', given: 'Anna', particle: 'van der' },
      { family: 'Smith', given: 'John', suffix: 'Jr.' },
    ]);
    expect(reference.moreAuthors).toBe(true);
    expect(reference.title).toBe('Ketamine – a trial');
  });
});

describe('readBibliography', () => {
  const path = join(FIXTURES, 'bad', 'bad.bib');
  const { problems, references } = readBibliography(path, readFileSync(path, 'utf8'));

  it('reports every problem in a bad file at once, each with its line', () => {
    expect(problems.map((p) => `${p.line}:${p.ruleId}`)).toEqual([
      '38:bibliography-syntax',
      '1:bibliography-key',
      '1:bibliography-identifier',
      '1:bibliography-participants',
      '14:bibliography-doi',
      '15:bibliography-pmid',
      '16:bibliography-design',
      '19:bibliography-official',
      '19:bibliography-official',
      '26:bibliography-duplicate',
    ]);
    expect(problems.every((p) => p.file === path)).toBe(true);
  });

  it('names the first definition of a duplicate key', () => {
    expect(problems.find((p) => p.ruleId === 'bibliography-duplicate')!.message).toBe(
      '`jones2019trial` is defined twice (first at line 9): keep one entry and merge their fields',
    );
    expect(references.get('jones2019trial')!.title).toBe('Impossible DOI and PMID');
  });

  it('reports two keys for the same DOI', () => {
    const source =
      '@article{a2020x, author={A, B}, title={T}, journal={J}, year={2020}, doi={10.1000/a}, design={narrative review}}\n@article{b2020y, author={B, C}, title={U}, journal={J}, year={2020}, doi={10.1000/A}, design={narrative review}}';
    expect(readBibliography('x.bib', source).problems.map((p) => p.message)).toEqual([
      '`b2020y` has the same DOI (10.1000/a) as `a2020x`: one source gets one entry; list `b2020y` in the `ids` of `a2020x` and remove this entry',
    ]);
  });
});

describe('aliases', () => {
  it('resolve an old key (BibTeX `ids`) to the same reference, so older editions keep building', () => {
    const { references, problems } = readBibliography(
      'x.bib',
      '@misc{tga2021spravato, author = {{Therapeutic Goods Administration}}, title = {T}, organization = {Therapeutic Goods Administration}, date = {2021-03-01}, url = {https://www.tga.gov.au/x}, ids = {tga2021spravatoregistration}}',
    );
    expect(problems).toEqual([]);
    expect(references.get('tga2021spravatoregistration')).toBe(references.get('tga2021spravato'));
  });

  it('refuse an alias that is also a key', () => {
    const source =
      '@misc{a2021x, author = {{A}}, title = {T}, organization = {A}, date = {2021-03-01}, url = {https://a.org/x}, ids = {b2021y}}\n@misc{b2021y, author = {{A}}, title = {U}, organization = {A}, date = {2021-03-01}, url = {https://a.org/y}}';
    expect(readBibliography('x.bib', source).problems.map((p) => p.message)).toEqual([
      '`b2021y` is already an alias (in `ids`) of `a2021x`: remove this entry, or remove the alias',
    ]);
  });
});

describe('suggestKey', () => {
  it('suggests the nearest key for a typo and nothing for a stranger', () => {
    expect(suggestKey('smith2020trail', ['smith2020trial', 'balshem2011grade'])).toBe('smith2020trial');
    expect(suggestKey('zzzz1999qqqq', ['smith2020trial'])).toBeUndefined();
  });
});
