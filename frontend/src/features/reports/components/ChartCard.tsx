import { Box, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A table of the figures a chart draws: column headers and rows of cells. */
export interface FigureTable {
  columns: string[];
  rows: ReactNode[][];
}

/**
 * A chart with the table of its figures behind it: the drawing is hidden from assistive
 * technologies, which read the table instead; "Afficher le tableau" shows the table to everyone.
 */
export function ChartCard({
  title,
  description,
  chart,
  table,
}: {
  title: string;
  description?: string;
  chart: ReactNode;
  table: FigureTable;
}) {
  const { t } = useTranslation('reports');
  const [shown, setShown] = useState(false);
  const id = useId();
  const figures = (
    <Table id={`${id}-table`} striped withTableBorder>
      <Table.Caption>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((column) => (
            <Table.Th key={column} scope="col">
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row, r) => (
          <Table.Tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                <Table.Th key={c} scope="row" fw={500}>
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td key={c}>{cell}</Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} h="100%">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={2} size="h4" id={`${id}-title`}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={shown}
            aria-controls={`${id}-table`}
            onClick={() => setShown((value) => !value)}
          >
            {shown ? t('hideTable') : t('showTable')}
          </Button>
        </Group>
        <div aria-hidden data-testid="chart">
          {chart}
        </div>
        {shown ? (
          // Focusable, so a keyboard can scroll a table wider than a phone (WCAG 2.1.1).
          <Box tabIndex={0} role="group" aria-label={t('tableOf', { title })} style={{ overflowX: 'auto' }}>
            {figures}
          </Box>
        ) : (
          <VisuallyHidden>{figures}</VisuallyHidden>
        )}
      </Stack>
    </Card>
  );
}
