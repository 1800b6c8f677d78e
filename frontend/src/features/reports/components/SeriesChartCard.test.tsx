import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { SeriesChartCard } from './SeriesChartCard';

describe('SeriesChartCard', () => {
  beforeEach(() => i18n.changeLanguage('fr'));

  it('tables the figures it draws: the category, then one column per series, formatted', async () => {
    render(
      <SeriesChartCard
        title="Volume"
        kind="line"
        data={[
          { start: '2026-11-30', created: 1200, resolved: 7 },
          { start: '2026-12-01', created: 3, resolved: 0 },
        ]}
        dataKey="start"
        categoryLabel="Jour"
        series={[
          { name: 'created', label: 'Créés', color: 'blue.6' },
          { name: 'resolved', label: 'Résolus', color: 'teal.6' },
        ]}
        format={(value) => `${value} t.`}
      />,
      { wrapper: MantineProvider },
    );

    const card = screen.getByRole('region', { name: 'Volume' });
    await userEvent.click(within(card).getByRole('button', { name: 'Afficher le tableau' }));
    const table = within(card).getByRole('table', { name: 'Volume' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Jour', 'Créés', 'Résolus']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['2026-11-301200 t.7 t.', '2026-12-013 t.0 t.']);
  });
});
