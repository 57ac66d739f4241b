/**
 * Small builders the generated blocks share: links between pages of one
 * edition, tables, and the evidence label of a row.
 */
import type { Link, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import type { ContentRoot, SiteIndex } from '../../content/contentIndex';
import type { PageModel } from '../../content/page';
import { text } from '../shared/nodes';

export function rootOf(site: SiteIndex, page: PageModel): ContentRoot {
  return site.roots.find((root) => root.version === page.version)!;
}

function cell(children: PhrasingContent[]): TableCell {
  return { type: 'tableCell', children };
}

export function table(header: string[], rows: PhrasingContent[][][]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  return { type: 'table', align: header.map(() => null), children: [row(header.map((h) => [text(h)])), ...rows.map(row)] };
}

/** A relative link from one page's file to another's, which Docusaurus resolves per edition. */
export function linkTo(from: PageModel, page: PageModel, label = page.frontMatter.title, anchor?: string): Link {
  const fromDir = from.docPath.split('/').slice(0, -1);
  const to = page.docPath.split('/');
  let common = 0;
  while (common < fromDir.length && fromDir[common] === to[common]) common += 1;
  const url = [...fromDir.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  return { type: 'link', url: `${url.startsWith('.') ? url : `./${url}`}${anchor ? `#${anchor}` : ''}`, children: [text(label)] };
}

export function labelNode(level: string): PhrasingContent {
  return { type: 'emphasis', children: [], data: { hName: 'evidencelabel', hProperties: { level, variant: 'row' } } };
}
