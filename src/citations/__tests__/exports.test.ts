import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATHS } from '../../content/paths';
import { parseBibtex } from '../bibtex';
import { cslFromBibtex, registerStyle } from '../csl';
import { Cite } from '@citation-js/core';
import { loadBibliography } from '../bibliography';
import { exportItem, toBibtex, toCslJson, toRis } from '../exports';
import { highwireTags, referenceValue } from '../highwire';
import { toReference } from '../reference';
import { citedWork } from '../schemaOrg';

registerStyle(readFileSync(PATHS.citationStyle, 'utf8'));
const reference = (source: string) => {
  const entry = parseBibtex(source).entries[0]!;
  const converted = cslFromBibtex(entry.text);
  if ('error' in converted) throw new Error(converted.error);
  return toReference(entry, converted.item).reference;
};
const shortened = reference(
  '@article{goncalves2024ketamine, author = {Gon{\\c{c}}alves, Kaike and {ELEKT-D Study Group} and Smith, Jr., John and others}, title = {Ketamine -- a review}, journal = {J Psychiatr Res}, year = {2024}, volume = {1}, pages = {10--20}, doi = {10.1007/s00406-024-01925-6}, pmid = {38000000}, design = {systematic review}, studies = {29}}',
);

describe('reference downloads', () => {
  it('keep "et al." in RIS, so a shortened list does not read as complete', () => {
    const ris = toRis([shortened]).split(/\r?\n/);
    expect(ris).toEqual(
      expect.arrayContaining([
        'TY  - JOUR',
        'AU  - Gonçalves, Kaike',
        'AU  - ELEKT-D Study Group',
        'AU  - Smith, John, Jr.',
        'AU  - et al.',
        'DO  - 10.1007/s00406-024-01925-6',
        'TI  - Ketamine – a review',
      ]),
    );
  });

  it('keep "and others" in BibTeX, with valid TeX for accents and one braced name for a group', () => {
    const bib = toBibtex([shortened]);
    expect(bib).toContain('@article{goncalves2024ketamine,');
    expect(bib).toContain('author = {Gon{\\c c}alves, Kaike and {ELEKT-D Study Group} and Smith, Jr., John and others},');
    expect(bib).toContain('title = {Ketamine -- a review},');
    // Round trip: the export reads back to the same names.
    const again = cslFromBibtex(bib.trim());
    expect('item' in again && again.item.author?.[0]).toEqual({ family: 'Gonçalves', given: 'Kaike' });
  });

  it('join cached entries exactly as citation-js writes a whole list', () => {
    const all = [...new Set(loadBibliography(PATHS.bibliography, PATHS.citationStyle).references.values())];
    for (const list of [[shortened], all.slice(0, 2), all.slice(5, 25), [all[3]!, shortened, all[1]!]]) {
      const cite = new Cite(list.map(exportItem));
      expect(toRis(list)).toBe(cite.format('ris' as 'bibtex', { spec: 'new' } as { format?: string }));
      expect(toBibtex(list)).toBe((cite.format('bibtex') as string).replaceAll(' and {et al.}', ' and others').replace(/\n{3,}/g, '\n\n'));
    }
  });

  it('write CSL-JSON that a reference manager can import, with PubMed ids', () => {
    const [item] = JSON.parse(toCslJson([shortened])) as Record<string, unknown>[];
    expect(item).toMatchObject({ id: 'goncalves2024ketamine', type: 'article-journal', PMID: '38000000', DOI: '10.1007/s00406-024-01925-6' });
    expect((item!.author as unknown[]).at(-1)).toEqual({ literal: 'et al.' });
  });
});

describe('structured data', () => {
  it('describes authors as people and groups as organizations', () => {
    expect(citedWork(shortened).author).toEqual([
      { '@type': 'Person', name: 'Kaike Gonçalves', familyName: 'Gonçalves', givenName: 'Kaike' },
      { '@type': 'Organization', name: 'ELEKT-D Study Group' },
      { '@type': 'Person', name: 'John Smith Jr.', familyName: 'Smith', givenName: 'John' },
    ]);
  });

  it('gives reference tools Highwire citation tags, one citation_reference per cited work', () => {
    const tags = highwireTags(
      { title: 'PTSD', siteTitle: 'Ketamine Therapy Evidence', url: 'https://x.org/docs/2026.1/conditions/ptsd', edition: '2026.1', date: '2026-11-21' },
      [shortened],
    );
    expect(tags.slice(0, 4)).toEqual([
      ['citation_title', 'PTSD'],
      ['citation_author', 'Ketamine Therapy Evidence'],
      ['citation_publisher', 'Ketamine Therapy Evidence'],
      ['citation_date', '2026/11/21'],
    ]);
    expect(tags.at(-1)).toEqual(['citation_reference', referenceValue(shortened)]);
    expect(referenceValue(shortened)).toBe(
      'citation_title=Ketamine – a review; citation_author=Kaike Gonçalves; citation_author=ELEKT-D Study Group; citation_author=John Smith Jr.; citation_journal_title=J Psychiatr Res; citation_publication_date=2024; citation_volume=1; citation_firstpage=10; citation_doi=10.1007/s00406-024-01925-6; citation_pmid=38000000',
    );
  });
});
