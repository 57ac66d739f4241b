import { describe, expect, it } from 'vitest';
import { buildIndex, search, shardOf, tokenize } from '../searchIndex';

const pages = [
  { t: 'Post-traumatic stress disorder', u: '/docs/conditions/ptsd', s: 'Conditions', headings: 'Summary of findings', text: 'Ketamine infusions in veterans with PTSD.' },
  { t: 'Esketamine REMS', u: '/docs/regulation/esketamine-rems', s: 'Regulation', headings: 'Monitoring', text: 'Esketamine nasal spray is given in certified settings; ketamine is not.' },
  { t: 'Bladder toxicity', u: '/docs/risks/urological', s: 'Risks', headings: 'Cystitis', text: 'Frequent ketamine use damages the bladder.' },
];
const { documents, shards } = buildIndex(pages);
const find = (query: string) => search(query, documents, (key) => shards.get(key)).map((r) => r.u);

describe('site search', () => {
  it('tokenizes to lower-case words without stop words or accents', () => {
    expect(tokenize('The Åsberg scale, and MADRS-10!')).toEqual(['asberg', 'scale', 'madrs', '10']);
  });

  it('shards terms by their first two letters', () => {
    expect(shardOf('ketamine')).toBe('ke');
    expect([...shards.keys()]).toContain('ke');
    expect(Object.keys(shards.get('ke')!)).toEqual(['ketamine']);
  });

  it('finds pages containing every word, ranking title and heading matches first', () => {
    expect(find('ketamine')).toHaveLength(3);
    expect(find('esketamine spray')).toEqual(['/docs/regulation/esketamine-rems']);
    expect(find('bladder')[0]).toBe('/docs/risks/urological');
  });

  it('treats the last word as a prefix while the reader types', () => {
    expect(find('esk')).toEqual(['/docs/regulation/esketamine-rems']);
    expect(find('vet')).toEqual(['/docs/conditions/ptsd']);
    expect(find('zebra')).toEqual([]);
  });
});
