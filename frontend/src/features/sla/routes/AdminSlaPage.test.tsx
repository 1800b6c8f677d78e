import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { SlaCalendar, SlaPolicy } from '@/lib/api/types';
import { admin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

const critical: SlaPolicy = {
  id: 1,
  priority: 'CRITICAL',
  category_id: null,
  category_name: null,
  name_fr: 'Urgences',
  name_en: 'Critical',
  first_response_minutes: 60,
  resolution_minutes: 240,
  updated_at: '2026-03-01T08:00:00Z',
};

const calendar: SlaCalendar = {
  time_zone: 'Europe/Paris',
  country: 'FR',
  workdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
  opens: '09:00:00',
  closes: '18:00:00',
  year: 2026,
  public_holidays: ['2026-07-14'],
  closed_days: [],
};

/** The SLA admin API; records the policies and closed days it is sent. */
function slaServer() {
  const sent: unknown[] = [];
  let policies = [critical];
  sessionOf(
    admin(),
    http.get(`${API}/sla/policies`, () => HttpResponse.json(policies)),
    http.post(`${API}/sla/policies`, async ({ request }) => {
      const body = (await request.json()) as Omit<SlaPolicy, 'id' | 'category_name' | 'updated_at'>;
      sent.push(body);
      const created = { ...critical, ...body, id: 2, category_name: null };
      policies = [...policies, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.get(`${API}/sla/calendar`, () => HttpResponse.json(calendar)),
    http.post(`${API}/sla/closed-days`, async ({ request }) => {
      const body = await request.json();
      sent.push(body);
      return HttpResponse.json(body);
    }),
  );
  return sent;
}

describe('the SLA admin page', () => {
  it('lists the policies with their targets in hours, and the business calendar', async () => {
    slaServer();
    renderApp('/admin/sla');
    const row = (await screen.findByRole('cell', { name: 'Urgences' })).closest('tr')!;
    expect(within(row).getByText('1 h')).toBeInTheDocument();
    expect(within(row).getByText('4 h')).toBeInTheDocument();
    expect(within(row).getByText('Toutes les catégories')).toBeInTheDocument();
    expect(await screen.findByText(/de 09:00 à 18:00 \(fuseau Europe\/Paris\)/)).toBeInTheDocument();
    expect(screen.getByText(/14 juillet 2026/)).toBeInTheDocument();
  });

  it('creates a policy from the dialog and refuses an empty name', async () => {
    const sent = slaServer();
    renderApp('/admin/sla');
    await screen.findByRole('cell', { name: 'Urgences' });
    await userEvent.click(screen.getByRole('button', { name: 'Nouvelle politique' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle politique' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    expect((await within(dialog).findAllByText('Obligatoire')).length).toBeGreaterThan(0);
    expect(sent).toEqual([]);

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Nom (français)' }), 'Courantes');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Nom (anglais)' }), 'Medium');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          priority: 'MEDIUM',
          category_id: null,
          name_fr: 'Courantes',
          name_en: 'Medium',
          first_response_minutes: 480,
          resolution_minutes: 1620,
        },
      ]),
    );
    expect(await screen.findByRole('cell', { name: 'Courantes' })).toBeInTheDocument();
  });
});
