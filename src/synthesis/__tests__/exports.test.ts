import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../dataset';
import { EXPORT_COLUMNS, csvField, exportRows, toCsv, toJson } from '../exports';

const FILE = join(__dirname, '__fixtures__', 'datasets', 'iv-ketamine-vs-placebo.yaml');
const KEYS = ['zarate2006randomized', 'murrough2013antidepressant', 'fava2020double', 'su2017dose'];
const dataset = loadDataset(FILE, readFileSync(FILE, 'utf8'), KEYS).dataset!;

/** A small RFC 4180 reader, to check that what we write reads back the same. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('exports', () => {
  it('writes one row per study result, in file order', () => {
    const rows = exportRows([dataset]);
    expect(rows.map((r) => `${r.study_id}/${r.outcome_id}`)).toEqual([
      'zarate2006/response-24h',
      'zarate2006/madrs-24h',
      'zarate2006/dissociation',
      'murrough2013/response-24h',
      'murrough2013/madrs-24h',
      'murrough2013/dissociation',
      'fava2020/response-24h',
      'fava2020/madrs-24h',
      'fava2020/dissociation',
      'su2017/response-24h',
    ]);
  });

  it('carries the arm data, the reference key and where each number was read', () => {
    const [first, second] = exportRows([dataset]);
    expect(first).toMatchObject({
      comparison_id: 'iv-ketamine-vs-placebo',
      reference: 'zarate2006randomized',
      data_type: 'binary',
      intervention_events: 12,
      intervention_n: 17,
      control_events: 0,
      control_n: 14,
      intervention_mean: null,
      source_location: 'Results, Table 2',
      source_quote: '71% of subjects responded to ketamine at 24 h',
    });
    expect(second).toMatchObject({ data_type: 'continuous-final', intervention_mean: 16.1, intervention_sd: 9.2, source_derived: 'SD = SE × √n' });
    expect(exportRows([dataset])[4]).toMatchObject({
      data_type: 'reported',
      reported_measure: 'MD',
      reported_estimate: -7.95,
      reported_ci_lower: -12.58,
      reported_ci_upper: -3.33,
      intervention_n: 47,
    });
  });

  it('quotes CSV fields only when RFC 4180 requires it, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(-7.95)).toBe('-7.95');
    expect(csvField(null)).toBe('');
  });

  it('writes a CSV with CRLF line ends that reads back to the same values', () => {
    const csv = toCsv([dataset]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(^|[^"])\n/);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.length === EXPORT_COLUMNS.length)).toBe(true);
    const quoteColumn = EXPORT_COLUMNS.indexOf('source_quote');
    expect(rows[4]![quoteColumn]).toBe('difference -7.95 (95% CI -12.58 to -3.33)');
    expect(rows[1]![EXPORT_COLUMNS.indexOf('comparison_title')]).toBe(dataset.title);
  });

  it('keeps commas, quotes and line breaks in a quote intact through the CSV', () => {
    const awkward = 'Table 2, row 3: "responders", 12/17\nsee footnote';
    const edited = {
      ...dataset,
      studies: dataset.studies.map((s, i) => (i === 0 ? { ...s, results: s.results.map((r) => ({ ...r, source: { ...r.source, quote: awkward } })) } : s)),
    };
    const rows = parseCsv(toCsv([edited]));
    expect(rows[1]![EXPORT_COLUMNS.indexOf('source_quote')]).toBe(awkward);
    expect(rows).toHaveLength(11);
  });

  it('writes JSON with the comparisons and the same rows', () => {
    const json = JSON.parse(toJson([dataset])) as {
      columns: string[];
      comparisons: { id: string; outcomes: { id: string; certainty: string }[] }[];
      rows: unknown[];
    };
    expect(json.columns).toEqual([...EXPORT_COLUMNS]);
    expect(json.comparisons[0]!.outcomes.map((o) => [o.id, o.certainty])).toEqual([
      ['response-24h', 'moderate'],
      ['madrs-24h', 'low'],
      ['dissociation', 'high'],
    ]);
    expect(json.rows).toEqual(exportRows([dataset]));
  });
});

describe('CSV cells a spreadsheet could run', () => {
  it('are kept as text, while numbers keep their sign', async () => {
    const { csvField } = await import('../exports');
    expect(csvField('=HYPERLINK("https://evil.example")')).toBe(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField(-3.2)).toBe('-3.2');
    expect(csvField('-3.2 points')).toBe('-3.2 points');
  });
});
