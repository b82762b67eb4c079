import {
  type ColumnDef,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  type SortFn,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableRegion } from './TableRegion.tsx';

/**
 * A data table: a caption that names it (and the scrolling region around it), column headers, an
 * empty state and, where it helps, sorting by a column. TanStack Table keeps the sort state and the
 * sorted rows; the markup is ours, so it stays a plain `<table>` that screen readers, print and
 * copy-paste understand.
 */

export interface Column<Row extends RowData> {
  /** Unique within the table; also the key of its sort state. */
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable by this value; `null` sorts last either way. */
  sortValue?: (row: Row) => string | number | null;
  /** Right-aligned figures in tabular digits. */
  numeric?: boolean;
  /** This column's cells name their row (`<th scope="row">`). */
  rowHeader?: boolean;
  className?: string;
}

export interface Sort {
  id: string;
  desc?: boolean;
}

type SortKey = string | number | null;

/** Text in the UI's collation (é sorts with e), numbers by value, missing values last in both directions. */
function compare<Row extends RowData>(collator: Intl.Collator) {
  const sortFn: SortFn<typeof features, Row> = (a, b, columnId) => {
    const x = a.getValue(columnId) as SortKey;
    const y = b.getValue(columnId) as SortKey;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return collator.compare(String(x), String(y));
  };
  return sortFn;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

export function DataTable<Row extends RowData>({
  caption,
  captionHidden = false,
  rows,
  columns,
  rowKey,
  empty,
  footer,
  initialSort,
  compact = false,
  className,
  scroll = true,
  rowClassName,
  testId,
  captionId: fixedCaptionId,
}: {
  /** Names the table (and its scroll region); visually hidden when the heading above already says it. */
  caption: ReactNode;
  captionHidden?: boolean;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows; without it an empty table shows its headers. */
  empty?: ReactNode;
  /** Totals: `<tr>` rows for the table's `<tfoot>`. */
  footer?: ReactNode;
  initialSort?: Sort;
  compact?: boolean;
  className?: string;
  /** `false` when the table sits in a container that already scrolls or is narrow by nature. */
  scroll?: boolean;
  rowClassName?: (row: Row) => string | undefined;
  testId?: string;
  /** A fixed id for the caption, where a link or a test points at the table through it. */
  captionId?: string;
}) {
  const { i18n } = useTranslation();
  const generatedId = useId();
  const captionId = fixedCaptionId ?? generatedId;
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ desc: false, ...initialSort }] : []);
  const collator = useMemo(
    () => new Intl.Collator(i18n.language, { numeric: true, sensitivity: 'base' }),
    [i18n.language],
  );
  const definitions = useMemo(
    () =>
      columns.map(
        (column): ColumnDef<typeof features, Row> => ({
          id: column.id,
          ...(column.sortValue
            ? {
                accessorFn: (row: Row) => column.sortValue?.(row) ?? undefined,
                sortFn: compare<Row>(collator),
                sortUndefined: 'last',
              }
            : { enableSorting: false }),
        }),
      ),
    [columns, collator],
  );
  const table = useTable({
    features,
    columns: definitions,
    data: rows as Row[],
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    getRowId: (row: Row) => rowKey(row),
  });
  if (rows.length === 0 && empty) return <>{empty}</>;
  const byId = new Map(columns.map((column) => [column.id, column]));
  const classes = ['data-table', compact ? 'data-table-compact' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  const markup = (
    <table className={classes} data-testid={testId}>
      <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
        {caption}
      </caption>
      <thead>
        <tr>
          {table.getHeaderGroups()[0]?.headers.map((header) => {
            const column = byId.get(header.column.id) as Column<Row>;
            return <HeaderCell key={header.id} column={column} sort={header.column} />;
          })}
        </tr>
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className={rowClassName?.(row.original)}>
            {columns.map((column) => {
              const classNames = [column.numeric ? 'num' : '', column.className ?? '']
                .filter(Boolean)
                .join(' ');
              return column.rowHeader ? (
                <th key={column.id} scope="row" className={classNames || undefined}>
                  {column.cell(row.original)}
                </th>
              ) : (
                <td key={column.id} className={classNames || undefined}>
                  {column.cell(row.original)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
  return scroll ? <TableRegion captionId={captionId}>{markup}</TableRegion> : markup;
}

interface SortableColumn {
  getCanSort: () => boolean;
  getIsSorted: () => false | 'asc' | 'desc';
  toggleSorting: (desc?: boolean) => void;
}

/**
 * A column header; a sortable one holds a button (reachable by Tab, pressed with Enter or Space) and
 * says its order with `aria-sort`. The arrow is decoration: the state is in `aria-sort` and the
 * button's description.
 */
function HeaderCell<Row extends RowData>({ column, sort }: { column: Column<Row>; sort: SortableColumn }) {
  const { t } = useTranslation();
  const className =
    [column.numeric ? 'num' : '', column.className ?? ''].filter(Boolean).join(' ') || undefined;
  if (!sort.getCanSort()) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const sorted = sort.getIsSorted();
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => sort.toggleSorting(sorted === 'asc')}
        title={t(sorted === 'asc' ? 'table.sortDescending' : 'table.sortAscending')}
      >
        {column.header}
        <span className="sort-arrow" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
