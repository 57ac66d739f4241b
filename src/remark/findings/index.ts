/**
 * Turns a `:::findings` block into a summary-of-findings table whose
 * certainty cells show the same evidence label as the page header.
 * The block was checked by the content checks before this runs.
 */
import type {} from 'mdast-util-directive';
import type { Root, Table } from 'mdast';
import type { Plugin } from 'unified';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { certaintyFromWords } from '../../evidence/levels';
import { block } from '../shared/nodes';

const CERTAINTY_COLUMN = 3;

const findings: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'containerDirective', (node, index, parent) => {
    if (node.name !== 'findings' || index === undefined || !parent) return;
    const table = node.children.find((child): child is Table => child.type === 'table');
    if (!table) return;
    const header = table.children[0]?.children.map((cell) => toString(cell).trim()) ?? [];
    for (const row of table.children.slice(1)) {
      // Each cell names its column, so on a phone a row can be shown as a card with labelled fields.
      row.children.forEach((cell, column) => {
        cell.data = { ...cell.data, hProperties: { ...(cell.data?.hProperties ?? {}), dataLabel: header[column] } };
      });
      const cell = row.children[CERTAINTY_COLUMN];
      if (!cell) continue;
      const words = cell.children.map((child) => ('value' in child ? child.value : '')).join('');
      const level = certaintyFromWords(words);
      if (level) {
        cell.children = [{ type: 'emphasis', children: [], data: { hName: 'evidencelabel', hProperties: { level, variant: 'row' } } }];
      }
    }
    parent.children[index] = block('div', { className: ['findings'], role: 'region', ariaLabel: 'Summary of findings', tabIndex: 0 }, [table]);
  });
};

export default findings;
