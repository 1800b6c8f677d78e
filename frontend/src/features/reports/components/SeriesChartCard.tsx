import { BarChart, LineChart, type ChartSeries } from '@mantine/charts';
import type { ReactNode } from 'react';
import { ChartCard } from './ChartCard';

/**
 * A line or bar chart of some series over categories (days, statuses, scores), drawn and tabled
 * from the same rows: the table behind the chart (see `ChartCard`) has the category in its first
 * column, then one column per series, each value written by `format`.
 */
export function SeriesChartCard<Row extends Record<string, string | number>>({
  title,
  description,
  kind,
  data,
  dataKey,
  categoryLabel,
  series,
  format,
  height = 200,
}: {
  title: string;
  description?: string;
  kind: 'line' | 'bar';
  data: Row[];
  /** The field holding each row's category, drawn on the x axis. */
  dataKey: keyof Row & string;
  /** The header of the table's first column. */
  categoryLabel: string;
  series: (ChartSeries & { name: keyof Row & string; label: string })[];
  format: (value: number) => ReactNode;
  /** The chart's height in px. */
  height?: number;
}) {
  const withLegend = series.length > 1;
  const chart =
    kind === 'line' ? (
      <LineChart h={height} data={data} dataKey={dataKey} series={series} withLegend={withLegend} />
    ) : (
      <BarChart h={height} data={data} dataKey={dataKey} series={series} withLegend={withLegend} />
    );
  return (
    <ChartCard
      title={title}
      description={description}
      chart={chart}
      table={{
        columns: [categoryLabel, ...series.map((s) => s.label)],
        rows: data.map((row) => [row[dataKey], ...series.map((s) => format(Number(row[s.name])))]),
      }}
    />
  );
}
