import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { Table } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';

/**
 * The table's parts with their roles said: on a phone (app.css, `.card-table`) its rows and cells are
 * laid out as blocks, and a browser may then stop reading them as a table (Safari does); screen
 * readers and `getByRole('row')` still find a table, its rows, column headers and cells. Declared
 * once, here: a new component on every render would remount every row.
 */
const PARTS = {
  table: (props: HTMLAttributes<HTMLTableElement>) => <table {...props} role="table" />,
  header: {
    wrapper: (props: HTMLAttributes<HTMLTableSectionElement>) => <thead {...props} role="rowgroup" />,
    row: (props: HTMLAttributes<HTMLTableRowElement>) => <tr {...props} role="row" />,
    cell: (props: ThHTMLAttributes<HTMLTableCellElement>) => <th {...props} role="columnheader" />,
  },
  body: {
    wrapper: (props: HTMLAttributes<HTMLTableSectionElement>) => <tbody {...props} role="rowgroup" />,
    row: (props: HTMLAttributes<HTMLTableRowElement>) => <tr {...props} role="row" />,
    cell: (props: TdHTMLAttributes<HTMLTableCellElement>) => <td {...props} role="cell" />,
  },
};

/** The columns with each cell labelled by its column's title (`data-label`, shown beside the value on a phone). */
function labelledColumns<T>(columns: ColumnsType<T>): ColumnsType<T> {
  return columns.map((column) => {
    const label = typeof column.title === 'string' ? column.title : undefined;
    if (label === undefined) return column;
    const own = column.onCell;
    return {
      ...column,
      onCell: (row: T, index?: number) => ({ ...own?.(row, index), 'data-label': label }) as ReturnType<NonNullable<typeof own>>,
    };
  });
}

/**
 * Ant Design's table for a staff list: at desk size a table as before; below Ant Design's `sm`
 * breakpoint (576 px, a phone) each row is a card, every value beside its column's title, nothing
 * wider than the screen (no sideways scroll). The rows keep their `data-row-key` (a list's place on
 * going back, shared/list/useListPlace) and their roles.
 */
export function CardTable<T extends object>({ columns, className, components, ...props }: TableProps<T>) {
  return (
    <Table<T>
      {...props}
      className={className ? `card-table ${className}` : 'card-table'}
      columns={columns && labelledColumns(columns)}
      components={{ ...PARTS, ...components }}
    />
  );
}

/**
 * A column's title inside a cell that has no `data-label` of its own (a summary row's cell): shown
 * beside the value on a phone only (at desk size the table's header says it).
 */
export function CardLabel({ children }: { children: string }) {
  return (
    <span className="card-label" aria-hidden="true">
      {children}
    </span>
  );
}
