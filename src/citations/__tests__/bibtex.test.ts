import { describe, expect, it } from 'vitest';
import { parseBibtex, stripBraces } from '../bibtex';

describe('parseBibtex', () => {
  it('exports only the parser and the brace helper', async () => {
    expect(Object.keys(await import('../bibtex')).sort()).toEqual(['parseBibtex', 'stripBraces']);
  });

  it('reads entries with their fields and the line each starts on', () => {
    const { entries, problems } = parseBibtex('% comment\n@Article{smith2020trial,\n  title = {A {RCT} title},\n  year = 2020,\n  journal = "J"\n}\n');
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.type).toBe('article');
    expect(entry!.key).toBe('smith2020trial');
    expect(entry!.position.line).toBe(2);
    expect(entry!.fields.get('title')).toMatchObject({ value: 'A {RCT} title', position: { line: 3 } });
    expect(entry!.fields.get('year')!.value).toBe('2020');
    expect(entry!.fields.get('journal')!.value).toBe('J');
  });

  it('skips @comment blocks', () => {
    expect(parseBibtex('@comment{anything {nested}}\n@misc{a2020b, title={T}}').entries.map((e) => e.key)).toEqual(['a2020b']);
  });

  it('reports a missing comma with its line, drops the half-read entry and keeps reading', () => {
    const { entries, problems } = parseBibtex('@article{a2020b,\n  author = {A}\n  title = {T},\n}\n@article{c2021d, title = {U}}\n');
    expect(problems).toEqual([{ message: 'entry `a2020b`, after field `author`: expected `,` or the closing `}`', position: { line: 3, column: 3 } }]);
    expect(entries.map((e) => e.key)).toEqual(['c2021d']);
  });

  it('reports an unclosed value', () => {
    expect(parseBibtex('@article{a2020b, title = {T').problems[0]!.message).toBe(
      'entry `a2020b`, field `title`: the value is not closed; wrap it in {braces} and balance them',
    );
  });

  it('reports a field given twice', () => {
    expect(parseBibtex('@article{a2020b, year = {1}, year = {2}}').problems[0]!.message).toBe('entry `a2020b` has the field `year` twice: keep one');
  });

  it('removes protective braces and escapes', () => {
    expect(stripBraces('{GRADE} \\& {T}ests')).toBe('GRADE & Tests');
  });
});
