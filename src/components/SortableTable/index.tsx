/**
 * Makes the table inside it sortable by any column. The table is complete
 * in the static HTML; sorting is an enhancement added in the browser, with
 * `aria-sort` announcing the order to screen readers.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { LABEL_LEVEL_IDS } from '../../evidence/levels';

export interface SortableTableProps {
  readonly label?: string;
  readonly children?: ReactNode;
}

/** Certainty sorts by level, not alphabetically. */
function sortValue(cell: Element | undefined): string | number {
  const level = cell?.querySelector('[data-evidence-level]')?.getAttribute('data-evidence-level');
  if (level) return LABEL_LEVEL_IDS.indexOf(level as (typeof LABEL_LEVEL_IDS)[number]);
  return (cell?.textContent ?? '').trim().toLowerCase();
}

export function sortRows(rows: HTMLTableRowElement[], column: number, ascending: boolean): HTMLTableRowElement[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a.cells[column]);
    const y = sortValue(b.cells[column]);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return ascending ? order : -order;
  });
}

export default function SortableTable({ label, children }: SortableTableProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const table = ref.current?.querySelector('table');
    const body = table?.tBodies[0];
    if (!table || !body) return undefined;
    const headers = [...table.querySelectorAll('thead th')];
    const cleanups = headers.map((th, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sortable-table__button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.append(button);
      const onClick = () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach((other) => other.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        body.append(...sortRows([...body.rows], column, ascending));
      };
      button.addEventListener('click', onClick);
      return () => button.removeEventListener('click', onClick);
    });
    return () => cleanups.forEach((cleanup) => cleanup());
  }, []);
  return (
    <div ref={ref} className="sortable-table" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
