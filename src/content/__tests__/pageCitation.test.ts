import { describe, expect, it } from 'vitest';
import { amaPageCitation, bibtexPageCitation, referenceDownloadPath, reportErrorMail, reportErrorUrl } from '../pageCitation';

const page = {
  siteTitle: 'Ketamine Therapy Evidence',
  title: 'Post-traumatic stress disorder',
  url: 'https://example.org/docs/2026.1/conditions/ptsd',
  edition: '2026.1',
  lastReviewed: '2026-11-21',
};

describe('citing a page', () => {
  it('gives an AMA citation with the edition and review date, and the access date once known', () => {
    expect(amaPageCitation(page)).toBe(
      'Ketamine Therapy Evidence. Post-traumatic stress disorder. Edition 2026.1. Updated November 21, 2026. https://example.org/docs/2026.1/conditions/ptsd',
    );
    expect(amaPageCitation({ ...page, accessed: '2026-12-01' })).toContain('Accessed December 1, 2026.');
  });

  it('gives a BibTeX entry a reference manager can import', () => {
    expect(bibtexPageCitation(page)).toBe(
      '@misc{ketamineevidence20261ptsd,\n  author = {{Ketamine Therapy Evidence}},\n  title = {Post-traumatic stress disorder},\n  edition = {2026.1},\n  howpublished = {Edition 2026.1},\n  year = {2026},\n  date = {2026-11-21},\n  url = {https://example.org/docs/2026.1/conditions/ptsd},\n}',
    );
  });

  it('names the reference downloads after the page', () => {
    expect(referenceDownloadPath('/docs/conditions/ptsd', 'ris')).toBe('/docs/conditions/ptsd.references.ris');
    expect(referenceDownloadPath('/docs/2026.1/conditions/', 'bib')).toBe('/docs/2026.1/conditions.references.bib');
    expect(referenceDownloadPath('/docs/2026.1/conditions/ptsd', 'json')).toBe('/docs/2026.1/conditions/ptsd.references.csl.json');
  });

  it('gives each edition of a page its own citation key', () => {
    expect(bibtexPageCitation({ ...page, edition: 'Next (draft)', url: 'https://example.org/docs/next/conditions/ptsd' })).toMatch(
      /^@misc\{ketamineevidencenextdraftptsd,/,
    );
  });

  it('links "report an error" to the issue form with the page and edition filled in', () => {
    const url = new URL(reportErrorUrl('https://github.com/org/repo', page));
    expect(url.pathname).toBe('/org/repo/issues/new');
    expect(url.searchParams.get('template')).toBe('report-error.yml');
    expect(url.searchParams.get('page')).toBe(page.url);
    expect(url.searchParams.get('edition')).toBe('2026.1');
  });

  it('offers the same report by e-mail, for readers without a GitHub account', () => {
    const mail = reportErrorMail('corrections@example.org', page);
    expect(mail.startsWith('mailto:corrections@example.org?subject=')).toBe(true);
    expect(decodeURIComponent(mail)).toContain('Page: https://example.org/docs/2026.1/conditions/ptsd\nEdition: 2026.1');
  });
});
