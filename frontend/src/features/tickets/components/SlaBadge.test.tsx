import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import type { TicketSla } from '@/lib/api/types';
import { parseListParams, queueFilters } from './list-params';
import { formatBusinessTime, headlineTarget, SlaBadge } from './SlaBadge';

const sla = (first: Partial<TicketSla['first_response']>, resolution: Partial<TicketSla['resolution']>): TicketSla => ({
  first_response: { due_at: '2026-03-10T09:00:00Z', state: 'OK', business_seconds_left: 3600, ...first },
  resolution: { due_at: '2026-03-12T09:00:00Z', state: 'OK', business_seconds_left: 7200, ...resolution },
});

function show(value: TicketSla) {
  return render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <SlaBadge sla={value} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

describe('SlaBadge', () => {
  it('says a breached target in words, not in colour alone, with how late it is', async () => {
    await i18n.changeLanguage('fr');
    show(sla({ state: 'MET', business_seconds_left: null }, { state: 'BREACHED', business_seconds_left: -(80 * 60) }));
    expect(screen.getByText('Dépassé · 1 h 20 de retard')).toBeInTheDocument();
  });

  it('shows the business time left of the most urgent target, in English too', async () => {
    await i18n.changeLanguage('en');
    show(sla({ state: 'AT_RISK', business_seconds_left: 45 * 60 }, { state: 'OK', business_seconds_left: 8100 }));
    expect(screen.getByText('At risk · 45 min left')).toBeInTheDocument();
    await i18n.changeLanguage('fr');
  });

  it('picks the breached target over an at-risk one, and the sooner due among equals', () => {
    expect(headlineTarget(sla({ state: 'AT_RISK' }, { state: 'BREACHED' }))).toBe('resolution');
    expect(headlineTarget(sla({ state: 'OK' }, { state: 'OK' }))).toBe('first_response');
    expect(headlineTarget(sla({ state: 'MET', business_seconds_left: null }, { state: 'PAUSED' }))).toBe('resolution');
  });

  it('formats business time as hours and minutes', () => {
    const t = i18n.getFixedT('fr');
    expect(formatBusinessTime(2 * 3600 + 15 * 60, t)).toBe('2 h 15');
    expect(formatBusinessTime(27 * 3600, t)).toBe('27 h');
    expect(formatBusinessTime(5 * 60 + 59, t)).toBe('5 min');
  });
});

describe('the queue’s SLA filter in the address', () => {
  it('keeps a known SLA filter, sends it to the API, and drops an unknown one', () => {
    const breached = parseListParams(new URLSearchParams('sla=BREACHED&sort=sla_due,asc'));
    expect(breached.sla).toBe('BREACHED');
    expect(breached.sort).toBe('sla_due,asc');
    expect(queueFilters(breached).sla).toBe('BREACHED');
    expect(parseListParams(new URLSearchParams('sla=LATE')).sla).toBeNull();
  });
});
