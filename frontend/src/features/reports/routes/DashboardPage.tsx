import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardPage } from '@/components/ui/CardPage';
import { QueryState } from '@/components/ui/QueryState';
import type { Dashboard } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n/format';
import { useCategories } from '@/features/categories/api/get-categories';
import { type DashboardQuery, useDashboard } from '../api/get-dashboard';
import { ChartCard } from '../components/ChartCard';
import { SeriesChartCard } from '../components/SeriesChartCard';

const DAY = 86_400_000;
/** yyyy-MM-dd of a date, in the browser's time zone. */
const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The reports dashboard (technicians and admins): volume, backlog, times, SLA and satisfaction. */
export function DashboardPage() {
  const { t } = useTranslation('reports');
  const today = new Date();
  const [query, setQuery] = useState<DashboardQuery>({
    from: isoDay(new Date(today.getTime() - 29 * DAY)),
    to: isoDay(today),
    granularity: 'day',
    category_id: null,
  });
  const categories = useCategories();
  const dashboard = useDashboard(query);

  return (
    <CardPage title={t('title')} subtitle={t('subtitle')}>
      <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('filters')}>
        <TextInput
          type="date"
          label={t('from')}
          value={query.from}
          max={query.to}
          onChange={(event) => event.currentTarget.value && setQuery({ ...query, from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('to')}
          value={query.to}
          min={query.from}
          onChange={(event) => event.currentTarget.value && setQuery({ ...query, to: event.currentTarget.value })}
        />
        <Select
          label={t('category')}
          placeholder={t('allCategories')}
          clearable
          data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={query.category_id === null ? null : String(query.category_id)}
          onChange={(value) => setQuery({ ...query, category_id: value ? Number(value) : null })}
        />
        <div>
          <Text size="sm" fw={500} id="granularity-label" mb={4}>
            {t('granularity')}
          </Text>
          <SegmentedControl
            aria-labelledby="granularity-label"
            value={query.granularity}
            onChange={(value) => setQuery({ ...query, granularity: value === 'week' ? 'week' : 'day' })}
            data={[
              { value: 'day', label: t('perDay') },
              { value: 'week', label: t('perWeek') },
            ]}
          />
        </div>
      </Group>
      <QueryState query={dashboard}>{(data) => <Figures data={data} />}</QueryState>
    </CardPage>
  );
}

function Figures({ data }: { data: Dashboard }) {
  const { t } = useTranslation(['reports', 'tickets']);
  const format = useFormat();
  const hours = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : t('hours', { value: format.number(Math.round(value * 10) / 10) });
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : `${format.number(value)} %`;
  const backlogTotal = data.backlog.reduce((sum, s) => sum + s.count, 0);
  const volume = data.volume.map((p) => ({ start: p.start, created: p.created, resolved: p.resolved }));
  const count = [{ name: 'count' as const, label: t('count'), color: 'blue.6' }];
  const status = data.backlog.map((s) => ({ label: t(`tickets:status.${s.status}`), count: s.count }));
  const ages = data.backlog_age.map((a) => ({ label: t(`age.${a.bucket}`), count: a.count }));
  const scores = data.satisfaction.distribution.map((s) => ({ label: String(s.score), count: s.count }));
  const timesTable = (rows: Dashboard['by_category'], none: string) => ({
    columns: [t('name'), t('resolved'), t('frMedian'), t('frP90'), t('resMedian'), t('resP90')],
    rows: rows.map((r) => [
      r.name ?? none,
      format.number(r.resolved),
      hours(r.first_response_median_hours),
      hours(r.first_response_p90_hours),
      hours(r.resolution_median_hours),
      hours(r.resolution_p90_hours),
    ]),
  });
  const timesChart = (rows: Dashboard['by_category'], none: string) => (
    <BarChart
      h={220}
      data={rows.map((r) => ({
        name: r.name ?? none,
        median: r.resolution_median_hours ?? 0,
        p90: r.resolution_p90_hours ?? 0,
      }))}
      dataKey="name"
      withLegend
      series={[
        { name: 'median', label: t('resMedian'), color: 'blue.6' },
        { name: 'p90', label: t('resP90'), color: 'orange.6' },
      ]}
    />
  );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat label={t('slaFirstResponse')} value={percent(data.sla.first_response.compliance_percent)} />
        <Stat label={t('slaResolution')} value={percent(data.sla.resolution.compliance_percent)} />
        <Stat
          label={t('satisfaction')}
          value={data.satisfaction.average == null ? '—' : `${format.number(data.satisfaction.average)} / 5`}
          hint={t('answers', { count: data.satisfaction.answers })}
        />
        <Stat label={t('backlog')} value={format.number(backlogTotal)} />
      </SimpleGrid>
      <SeriesChartCard
        title={t('volume')}
        description={t('volumeHint')}
        kind="line"
        height={260}
        data={volume}
        dataKey="start"
        categoryLabel={t(data.granularity === 'week' ? 'week' : 'day')}
        series={[
          { name: 'created', label: t('created'), color: 'blue.6' },
          { name: 'resolved', label: t('resolvedSeries'), color: 'teal.6' },
        ]}
        format={format.number}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SeriesChartCard
          title={t('backlogByStatus')}
          kind="bar"
          data={status}
          dataKey="label"
          categoryLabel={t('status')}
          series={count}
          format={format.number}
        />
        <SeriesChartCard
          title={t('backlogByAge')}
          kind="bar"
          data={ages}
          dataKey="label"
          categoryLabel={t('age.title')}
          series={[{ ...count[0], color: 'grape.6' }]}
          format={format.number}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard
          title={t('timesByCategory')}
          description={t('timesHint')}
          chart={timesChart(data.by_category, t('noCategory'))}
          table={timesTable(data.by_category, t('noCategory'))}
        />
        <ChartCard
          title={t('timesByAssignee')}
          description={t('timesHint')}
          chart={timesChart(data.by_assignee, t('unassigned'))}
          table={timesTable(data.by_assignee, t('unassigned'))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard
          title={t('slaTitle')}
          description={t('slaHint')}
          chart={
            <BarChart
              h={200}
              type="stacked"
              data={[
                { label: t('slaFirstResponse'), ...data.sla.first_response },
                { label: t('slaResolution'), ...data.sla.resolution },
              ]}
              dataKey="label"
              withLegend
              series={[
                { name: 'met', label: t('met'), color: 'teal.6' },
                { name: 'breached', label: t('breached'), color: 'red.6' },
                { name: 'pending', label: t('pending'), color: 'gray.5' },
              ]}
            />
          }
          table={{
            columns: [t('target'), t('met'), t('breached'), t('pending'), t('compliance')],
            rows: [
              [t('slaFirstResponse'), data.sla.first_response],
              [t('slaResolution'), data.sla.resolution],
            ].map(([label, target]) => {
              const v = target as Dashboard['sla']['resolution'];
              return [
                label as string,
                format.number(v.met),
                format.number(v.breached),
                format.number(v.pending),
                percent(v.compliance_percent),
              ];
            }),
          }}
        />
        <SeriesChartCard
          title={t('satisfactionTitle')}
          description={t('satisfactionHint')}
          kind="bar"
          data={scores}
          dataKey="label"
          categoryLabel={t('score')}
          series={[{ ...count[0], color: 'yellow.6' }]}
          format={format.number}
        />
      </SimpleGrid>
    </Stack>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder component="section" aria-label={label}>
      <Text size="sm" c="dimmed" aria-hidden>
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}
