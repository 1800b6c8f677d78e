import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ines } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

const dashboard = {
  from: '2026-11-01',
  to: '2026-11-03',
  granularity: 'day',
  time_zone: 'Europe/Paris',
  volume: [
    { start: '2026-11-01', created: 4, resolved: 1 },
    { start: '2026-11-02', created: 2, resolved: 3 },
    { start: '2026-11-03', created: 0, resolved: 2 },
  ],
  backlog: [
    { status: 'NEW', count: 3 },
    { status: 'IN_PROGRESS', count: 5 },
    { status: 'WAITING', count: 1 },
  ],
  backlog_age: [
    { bucket: 'lt_1d', count: 2 },
    { bucket: '1d_3d', count: 3 },
    { bucket: '3d_7d', count: 1 },
    { bucket: '7d_30d', count: 2 },
    { bucket: 'gt_30d', count: 1 },
  ],
  by_category: [
    {
      id: 3,
      name: 'Matériel',
      resolved: 4,
      responded: 4,
      first_response_median_hours: 2,
      first_response_p90_hours: 4.4,
      resolution_median_hours: 8,
      resolution_p90_hours: 271.8,
    },
  ],
  by_assignee: [],
  sla: {
    first_response: { met: 2, breached: 2, pending: 1, compliance_percent: 50 },
    resolution: { met: 3, breached: 1, pending: 0, compliance_percent: 75 },
  },
  satisfaction: {
    answers: 3,
    average: 3.67,
    distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: score === 3 ? 0 : 1 })),
  },
};

describe('reports dashboard', () => {
  it('shows the key figures, draws the charts and offers the table behind each', async () => {
    const asked: URLSearchParams[] = [];
    sessionOf(
      ines(),
      http.get(`${API}/reports/dashboard`, ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return HttpResponse.json(dashboard);
      }),
    );
    renderApp('/reports');

    expect(await screen.findByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeInTheDocument();
    const stat = (name: string) => screen.getByRole('region', { name });
    expect(await screen.findByRole('region', { name: 'SLA première réponse' })).toHaveTextContent('50 %');
    expect(stat('SLA résolution')).toHaveTextContent('75 %');
    expect(stat('Satisfaction moyenne')).toHaveTextContent('3,67 / 53 réponses');
    expect(stat('Tickets ouverts')).toHaveTextContent('9');
    expect(screen.getAllByTestId('chart')).toHaveLength(7);
    expect(asked[0].get('granularity')).toBe('day');

    const times = screen.getByRole('region', { name: 'Délais par catégorie' });
    await userEvent.click(within(times).getByRole('button', { name: 'Afficher le tableau' }));
    const table = within(times).getByRole('table', { name: 'Délais par catégorie' });
    const row = within(table).getByRole('row', { name: /Matériel/ });
    expect(row).toHaveTextContent('271,8 h');
    expect(within(times).getByRole('button', { name: 'Masquer le tableau' })).toHaveAttribute('aria-expanded', 'true');

    await userEvent.click(screen.getByRole('radio', { name: 'Par semaine' }));
    await waitFor(() => expect(asked.at(-1)?.get('granularity')).toBe('week'));
    expect(asked.at(-1)?.get('granularity')).toBe('week');
  });
});
