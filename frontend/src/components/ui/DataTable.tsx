import {
  Paper,
  ScrollArea,
  Table,
  VisuallyHidden,
  type MantineBreakpoint,
  type TableTdProps,
  type TableTrProps,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

/** A column: its header, what each row shows in it, and how its cells look. */
export interface Column<T> {
  /** A stable name for React; the header's text when it is a string. */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Hidden below this breakpoint (header and cells), for secondary columns on phones. */
  visibleFrom?: MantineBreakpoint;
  /** Props of every cell of the column (weight, widths, wrapping). */
  td?: TableTdProps;
}

/**
 * The admin pages' table: a caption for screen readers, column headers, one row per item, and on
 * narrow screens a horizontal scroll inside the card (the page itself never scrolls sideways)
 * with, when `actions` is given, the actions column pinned to the right edge. With no rows it
 * shows `empty` instead.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  actions,
  empty,
  minWidth,
  rowProps,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** The row's buttons or menu, in a last column named "Actions" for screen readers. */
  actions?: (row: T) => ReactNode;
  /** What to say when there is no row. */
  empty?: { title: string; hint?: string; action?: ReactNode };
  /** The table's width below which the card scrolls sideways, in px. */
  minWidth?: number;
  rowProps?: (row: T) => TableTrProps;
}) {
  const { t } = useTranslation();
  if (rows.length === 0 && empty) return <EmptyState title={empty.title} hint={empty.hint} action={empty.action} />;
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <ScrollArea type="auto">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" miw={minWidth}>
          <caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col" visibleFrom={column.visibleFrom}>
                  {column.header}
                </Table.Th>
              ))}
              {actions && (
                <Table.Th scope="col" className="guichet-sticky-actions">
                  <VisuallyHidden>{t('actions.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key} visibleFrom={column.visibleFrom} {...column.td}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
                {actions && <Table.Td className="guichet-sticky-actions">{actions(row)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
