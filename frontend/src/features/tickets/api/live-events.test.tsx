import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { API, eventStream, sessionOf } from '@/test/server';
import { camille } from '@/test/fixtures';
import { ticketKeys } from './keys';
import { useLiveTicketEvents } from './live-events';

const REPLY_ON_42 = 'event: ticket\nid: 7\ndata: {"event_id":7,"ticket_id":42,"kind":"replied"}';

/** A cache holding what the pages show: ticket 42, its conversation and survey, ticket 43, a list, counts. */
function cacheWithTickets() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const key of [
    ['tickets', 42],
    ['tickets', 42, 'comments'],
    [...ticketKeys.survey(42)],
    ['tickets', 43],
    ['tickets', 'list', {}],
    ['tickets', 'counts', {}],
  ]) {
    queryClient.setQueryData(key, { seeded: true });
  }
  const invalidated = (key: unknown[]) => queryClient.getQueryState(key)?.isInvalidated ?? false;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, invalidated, wrapper };
}

describe('useLiveTicketEvents', () => {
  it('opens the stream with the bearer token and refetches the ticket, its conversation, lists and counts on an event', async () => {
    const seen: Headers[] = [];
    sessionOf(
      camille(),
      http.get(`${API}/events`, ({ request }) => {
        seen.push(request.headers);
        return eventStream([REPLY_ON_42]);
      }),
    );
    const { invalidated, wrapper } = cacheWithTickets();
    const { result } = renderHook(() => useLiveTicketEvents(), { wrapper });

    await waitFor(() => expect(invalidated(['tickets', 42])).toBe(true));
    expect(invalidated(['tickets', 42, 'comments'])).toBe(true);
    // Resolved by a technician: the requester's survey opens without a reload.
    expect(invalidated([...ticketKeys.survey(42)])).toBe(true);
    expect(invalidated(['tickets', 'list', {}])).toBe(true);
    expect(invalidated(['tickets', 'counts', {}])).toBe(true);
    expect(invalidated(['tickets', 43])).toBe(false);
    expect(result.current).toBe('live');
    expect(seen[0].get('authorization')).toMatch(/^Bearer access-\d+$/);
    expect(seen[0].get('accept')).toBe('text/event-stream');
  });

  it('refetches every ticket query on a resync event', async () => {
    sessionOf(
      camille(),
      http.get(`${API}/events`, () => eventStream(['event: resync\ndata: '])),
    );
    const { invalidated, wrapper } = cacheWithTickets();
    renderHook(() => useLiveTicketEvents(), { wrapper });

    await waitFor(() => expect(invalidated(['tickets', 43])).toBe(true));
    expect(invalidated(['tickets', 'list', {}])).toBe(true);
  });

  it('ignores heartbeats', async () => {
    let served = false;
    sessionOf(
      camille(),
      http.get(`${API}/events`, () => {
        served = true;
        return eventStream(['event: heartbeat\ndata: ']);
      }),
    );
    const { invalidated, wrapper } = cacheWithTickets();
    const { result } = renderHook(() => useLiveTicketEvents(), { wrapper });

    await waitFor(() => expect(result.current).toBe('live'));
    expect(served).toBe(true);
    expect(invalidated(['tickets', 42])).toBe(false);
    expect(invalidated(['tickets', 43])).toBe(false);
  });

  it('reconnects when the server ends the stream, sending the last event id so it replays', async () => {
    const lastEventIds: (string | null)[] = [];
    sessionOf(
      camille(),
      http.get(`${API}/events`, ({ request }) => {
        lastEventIds.push(request.headers.get('last-event-id'));
        return lastEventIds.length === 1 ? eventStream([REPLY_ON_42], true) : eventStream([]);
      }),
    );
    const { wrapper } = cacheWithTickets();
    renderHook(() => useLiveTicketEvents(), { wrapper });

    await waitFor(() => expect(lastEventIds).toHaveLength(2));
    expect(lastEventIds).toEqual([null, '7']);
  });
});
