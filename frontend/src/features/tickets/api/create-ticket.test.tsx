import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { API, sessionOf } from '@/test/server';
import { camille, printerTicket } from '@/test/fixtures';
import { useCreateTicket } from './create-ticket';
import { ticketKeys } from './keys';

describe('useCreateTicket', () => {
  it('refreshes the lists and the per-status counts, and caches the new ticket', async () => {
    const created = printerTicket({ id: 91 });
    sessionOf(
      camille(),
      http.post(`${API}/tickets`, () => HttpResponse.json(created, { status: 201 })),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const mine = { requester_id: 5 };
    queryClient.setQueryData(ticketKeys.list({ ...mine, size: 25 }), { seeded: true });
    queryClient.setQueryData(ticketKeys.counts(mine), { NEW: 0 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useCreateTicket(), { wrapper });

    await act(() => result.current.mutateAsync({ title: 'Imprimante', description: 'Bourrage papier' }));

    expect(queryClient.getQueryState(ticketKeys.counts(mine))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(ticketKeys.list({ ...mine, size: 25 }))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(ticketKeys.detail(91))).toEqual(created);
  });
});
