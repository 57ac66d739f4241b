import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATHS } from '../../content/paths';
import { parseBibtex } from '../bibtex';
import { cslFromBibtex, registerStyle, renderable, renderClusters, renderEntries, renderEntryText, type CslItem } from '../csl';
import { toReference } from '../reference';

registerStyle(readFileSync(PATHS.citationStyle, 'utf8'));

function reference(source: string) {
  const entry = parseBibtex(source).entries[0]!;
  const converted = cslFromBibtex(entry.text);
  if ('error' in converted) throw new Error(converted.error);
  return toReference(entry, converted.item).reference;
}

const accented = reference(
  "@article{loo2016placebocontrolled, author = {Loo, C. K. and G{\\'a}lvez, V. and O'Keefe, E. and Mitchell, P. B. and Hadzi-Pavlovic, D. and Leyden, J. and Harper, S.}, title = {Placebo-controlled pilot trial -- routes for ketamine}, journal = {Acta Psychiatrica Scandinavica}, year = {2016}, volume = {134}, number = {1}, pages = {48--56}, doi = {10.1111/acps.12572}, pmid = {27028832}, design = {randomized crossover trial}, participants = {15}}",
);
const particles = reference(
  '@article{goncalves2024ketamine, author = {Gon{\\c{c}}alves, Kaike and de Tavares, Vagner Deuel O. and van der Berg, Anna and Smith, Jr., John and others}, title = {A title}, journal = {European Archives of Psychiatry and Clinical Neuroscience}, year = {2024}, doi = {10.1007/s00406-024-01925-6}, design = {systematic review}, studies = {29}}',
);
const official = reference(
  '@misc{fda2026spravato, author = {{U.S. Food and Drug Administration}}, title = {SPRAVATO (esketamine) nasal spray: prescribing information}, organization = {U.S. Food and Drug Administration}, howpublished = {Prescribing information}, date = {2026-03-13}, urldate = {2026-11-21}, url = {https://example.gov/label}}',
);

describe('reference entries from the AMA style', () => {
  it('render accents, hyphenated names and apostrophes from TeX, with "et al" after three of seven', () => {
    expect(renderEntryText(renderable(accented.csl, accented.moreAuthors))).toBe(
      'Loo CK, Gálvez V, O’Keefe E, et al. Placebo-controlled pilot trial – routes for ketamine. Acta Psychiatrica Scandinavica. 2016;134(1):48-56. doi:10.1111/acps.12572',
    );
  });

  it('keep name particles and suffixes, and mark a list the source cut short', () => {
    expect(renderEntryText(renderable(particles.csl, particles.moreAuthors))).toBe(
      'Gonçalves K, de Tavares VDO, van der Berg A, Smith J Jr, et al. A title. European Archives of Psychiatry and Clinical Neuroscience. 2024. doi:10.1007/s00406-024-01925-6',
    );
  });

  it('print an official document with its issuing body, kind, date, access date and address', () => {
    expect(renderEntryText(official.csl)).toBe(
      'U.S. Food and Drug Administration. SPRAVATO (esketamine) nasal spray: prescribing information. Prescribing information. Published March 13, 2026. Accessed November 21, 2026. https://example.gov/label',
    );
  });

  it('contain no TeX commands in any rendered entry of the real bibliography', () => {
    const entries = renderEntries([accented, particles, official].map((r) => renderable(r.csl, r.moreAuthors)));
    for (const html of entries.values()) expect(html).not.toMatch(/\\[a-z]|[{}]|--/);
  });
});

describe('citation clusters', () => {
  const items: CslItem[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, type: 'article-journal', title: id }));

  it('number keys in order of first use and collapse consecutive numbers into a range', () => {
    const clusters = renderClusters(items, [['a'], ['b'], ['c', 'd', 'e'], ['e', 'a'], ['b', 'c', 'd']]);
    expect(clusters.map((parts) => parts.map((p) => p.text).join(''))).toEqual(['1', '2', '3–5', '1,5', '2–4']);
    expect(clusters[2]).toEqual([{ number: 3, text: '3' }, { text: '–' }, { number: 5, text: '5' }]);
  });

  it('count a key cited twice in one cluster once', () => {
    expect(renderClusters(items, [['a', 'a', 'b']]).map((parts) => parts.map((p) => p.text).join(''))).toEqual(['1,2']);
  });
});
