/**
 * A figure's data table is its text alternative, so it must be whole:
 * in every HTML file of the build, every row of every figure's table has
 * as many cells as its header (column spans counted). Figure tables are those
 * inside a <figure>, in a `*-figure__table` box beside one (the route
 * figure), or forest-plot tables. Reads the built files with parse5; no
 * browser is needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { BUILD_DIR } from './site';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return htmlFiles(path);
    return item.name.endsWith('.html') ? [path] : [];
  });

const isElement = (node: Node): node is Element => 'tagName' in node;
const classes = (element: Element) => (element.attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
const children = (element: Element) => element.childNodes.filter(isElement);
const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';

function* elements(node: Node, inFigure = false): Generator<{ element: Element; inFigure: boolean }> {
  if (!isElement(node) && !('childNodes' in node)) return;
  let figure = inFigure;
  if (isElement(node)) {
    figure ||= node.tagName === 'figure' || classes(node).some((name) => name.endsWith('figure__table'));
    yield { element: node, inFigure: figure };
  }
  for (const child of 'childNodes' in node ? node.childNodes : []) yield* elements(child as Node, figure);
}

const width = (row: Element) =>
  children(row)
    .filter((cell) => cell.tagName === 'td' || cell.tagName === 'th')
    .reduce((sum, cell) => sum + Number(cell.attrs.find((a) => a.name === 'colspan')?.value ?? 1), 0);

interface FigureTable {
  readonly file: string;
  readonly caption: string;
  readonly header: number;
  readonly rows: { readonly text: string; readonly cells: number }[];
}

function figureTables(file: string): FigureTable[] {
  const document = parse(readFileSync(file, 'utf8'));
  const out: FigureTable[] = [];
  for (const { element, inFigure } of elements(document as unknown as Node)) {
    if (element.tagName !== 'table' || !(inFigure || classes(element).includes('forest-table'))) continue;
    const sections = children(element);
    const rowsOf = (tag: string) => sections.filter((s) => s.tagName === tag).flatMap((s) => children(s).filter((r) => r.tagName === 'tr'));
    const head = rowsOf('thead');
    const body = [...rowsOf('tbody'), ...sections.filter((s) => s.tagName === 'tr'), ...rowsOf('tfoot')];
    const caption = textOf(sections.find((s) => s.tagName === 'caption') ?? element)
      .trim()
      .slice(0, 60);
    out.push({
      file: relative(BUILD_DIR, file),
      caption,
      header: head.length > 0 ? width(head.at(-1)!) : 0,
      rows: body.map((row) => ({ text: textOf(row).trim().slice(0, 40), cells: width(row) })),
    });
  }
  return out;
}

const tables = htmlFiles(BUILD_DIR).flatMap(figureTables);
const byFile = new Map<string, FigureTable[]>();
for (const table of tables) byFile.set(table.file, [...(byFile.get(table.file) ?? []), table]);

test('the build has figure tables to check (the route figure’s data, in every edition)', () => {
  expect(tables.length).toBeGreaterThanOrEqual(2);
  expect([...byFile.keys()].some((file) => file.includes('routes/pharmacokinetics'))).toBe(true);
});

for (const [file, list] of byFile) {
  test(`every figure table row in ${file} has as many cells as its header`, () => {
    const problems = list.flatMap((table) => [
      ...(table.header === 0 ? [`the table "${table.caption}" has no header row`] : []),
      ...(table.rows.length === 0 ? [`the table "${table.caption}" has no data rows`] : []),
      ...table.rows.filter((row) => row.cells !== table.header).map((row) => `the row "${row.text}" has ${row.cells} cells; its header has ${table.header}`),
    ]);
    expect(problems).toEqual([]);
  });
}
