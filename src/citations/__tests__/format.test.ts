import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../bibtex';
import { amaAuthors, formatDate, referenceText, studySummary, toBibtex, toRis } from '../format';
import { toReference } from '../reference';

const ref = (source: string) => toReference(parseBibtex(source).entries[0]!).reference;
const article = ref(
  '@article{berman2000antidepressant, author = {Berman, Robert M. and Cappiello, Angela and Anand, Amit and Oren, Dan A. and Heninger, George R. and Charney, Dennis S. and Krystal, John H.}, title = {Antidepressant effects of ketamine in depressed patients}, journal = {Biological Psychiatry}, year = {2000}, volume = {47}, number = {4}, pages = {351--354}, doi = {10.1016/s0006-3223(99)00230-9}, pmid = {10686270}, design = {randomized crossover trial}, participants = {9}}',
);

describe('AMA formatting', () => {
  it('lists the first three authors and "et al" when there are more than six', () => {
    expect(amaAuthors(article)).toBe('Berman RM, Cappiello A, Anand A, et al');
  });

  it('lists up to six authors in full, with initials for hyphenated given names', () => {
    expect(amaAuthors(ref('@article{a2020b, author = {Kim, Jean-Paul and Lee, Ann}, title={T}, journal={J}, year={2020}, pmid={1}, design={narrative review}}'))).toBe('Kim JP, Lee A');
  });

  it('formats a journal article with DOI and PMID', () => {
    expect(referenceText(article)).toBe(
      'Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in depressed patients. Biological Psychiatry. 2000;47(4):351-354. doi:10.1016/s0006-3223(99)00230-9 PMID: 10686270',
    );
  });

  it('formats an official document with body, kind, date and URL', () => {
    const notice = ref('@misc{fda2019spravato, title = {FDA approves new nasal spray}, organization = {U.S. Food and Drug Administration}, howpublished = {Press release}, date = {2019-03-05}, urldate = {2026-11-21}, url = {https://www.fda.gov/x}}');
    expect(referenceText(notice)).toBe(
      'U.S. Food and Drug Administration. FDA approves new nasal spray. Press release. March 5, 2019. Accessed November 21, 2026. https://www.fda.gov/x',
    );
  });

  it('summarizes the study design and size', () => {
    expect(studySummary(article)).toBe('randomized crossover trial, n = 9');
    expect(formatDate('2027-11')).toBe('November 2027');
  });
});

describe('exports', () => {
  it('writes BibTeX a reference manager can import', () => {
    expect(toBibtex(article)).toContain('@article{berman2000antidepressant,\n  author = {Berman, Robert M. and Cappiello, Angela');
    expect(toBibtex(article)).toContain('  pages = {351--354},');
  });

  it('writes RIS with one tag per line and an end-of-record line', () => {
    const ris = toRis(article).split('\r\n');
    expect(ris[0]).toBe('TY  - JOUR');
    expect(ris).toContain('AU  - Berman, Robert M.');
    expect(ris).toContain('DO  - 10.1016/s0006-3223(99)00230-9');
    expect(ris).toContain('SP  - 351');
    expect(ris.at(-2)).toBe('ER  - ');
  });
});
