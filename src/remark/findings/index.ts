/**
 * Turns a `:::findings` block into a summary-of-findings table whose
 * certainty cells show the same evidence label as the page header.
 * The block was checked by the content checks before this runs.
 */
import type {} from 'mdast-util-directive';
import type { Root, Table } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { certaintyFromWords } from '../../evidence/levels';
import { block } from '../shared/nodes';

const CERTAINTY_COLUMN = 3;

const findings: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'containerDirective', (node, index, parent) => {
    if (node.name !== 'findings' || index === undefined || !parent) return;
    const table = node.children.find((child): child is Table => child.type === 'table');
    if (!table) return;
    for (const row of table.children.slice(1)) {
      const cell = row.children[CERTAINTY_COLUMN];
      if (!cell) continue;
      const words = cell.children.map((child) => ('value' in child ? child.value : '')).join('');
      const level = certaintyFromWords(words);
      if (level) {
        cell.children = [
          { type: 'emphasis', children: [], data: { hName: 'evidencelabel', hProperties: { level, variant: 'row' } } },
        ];
      }
    }
    parent.children[index] = block(
      'div',
      { className: ['findings'], role: 'region', ariaLabel: 'Summary of findings', tabIndex: 0 },
      [table],
    );
  });
};

export default findings;
