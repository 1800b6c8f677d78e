import { EventStreamContentType, fetchEventSource } from '@microsoft/fetch-event-source';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiResponse, apiUrl } from '@/lib/api/client';
import { SessionExpiredError } from '@/lib/api/problem';
import type { LiveTicketEvent } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** Where the live stream stands: opening, open, or waiting to reconnect after a failure. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * Refetches what shows a ticket after an event about it: the ticket and everything under its key
 * (conversation, history, attachments), the lists and the per-status counts. Only queries on
 * screen refetch at once; the others are marked stale.
 */
export function applyTicketEvent(queryClient: QueryClient, event: Pick<LiveTicketEvent, 'ticket_id'>): void {
  void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(event.ticket_id) });
  void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: ticketKeys.allCounts() });
}

/** Refetches every ticket query: events may have been missed. */
export function resyncTickets(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
}

/** Waits 1 s after a first failure, then 2, 4… up to 30 s, ±20 %, so replicas coming back are not stormed. */
export function reconnectDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5)) * (0.8 + Math.random() * 0.4);
}

class StreamClosed extends Error {}

/**
 * Keeps the live ticket stream (GET /api/v1/events) open while mounted, and keeps the TanStack
 * Query cache in step with it: a `ticket` event refetches that ticket, the lists and the counts;
 * a `resync` event, or a reconnect that cannot replay (no event received yet), refetches every
 * ticket query. Connects with the current access token through the API client (renewed when it
 * has expired; a refused renewal ends the session and the stream). Reconnects after a failure or
 * when the server closes the stream, sending Last-Event-ID so the server replays what was missed.
 *
 * @returns the state of the stream, for the live indicator
 */
export function useLiveTicketEvents(): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const controller = new AbortController();
    let failures = 0;
    let openedBefore = false;
    let receivedEvent = false;
    fetchEventSource(apiUrl('/events'), {
      signal: controller.signal,
      // One stream per tab, kept while hidden: it costs one idle connection, and a hidden tab
      // that comes back is up to date at once.
      openWhenHidden: true,
      fetch: (_input, init) =>
        apiResponse('/events', {
          headers: Object.fromEntries(new Headers(init?.headers).entries()),
          signal: init?.signal ?? undefined,
        }),
      onopen: async (response) => {
        if (!response.headers.get('content-type')?.startsWith(EventStreamContentType)) {
          throw new Error(`Expected an event stream, got ${response.headers.get('content-type')}`);
        }
        // Without a Last-Event-ID the server cannot replay what happened while we were away.
        if (openedBefore && !receivedEvent) resyncTickets(queryClient);
        openedBefore = true;
        failures = 0;
        setStatus('live');
      },
      onmessage: (message) => {
        if (message.event === 'ticket') {
          receivedEvent = true;
          applyTicketEvent(queryClient, JSON.parse(message.data) as LiveTicketEvent);
        } else if (message.event === 'resync') {
          resyncTickets(queryClient);
        }
      },
      onclose: () => {
        // The server ended the stream (restart, session check, slow reader): open it again.
        throw new StreamClosed();
      },
      onerror: (error: unknown) => {
        if (error instanceof SessionExpiredError) throw error;
        failures += 1;
        setStatus('reconnecting');
        return reconnectDelay(failures);
      },
    }).catch(() => {
      // Stopped for good: the session ended (the app shows the login page).
    });
    return () => controller.abort();
  }, [queryClient]);

  return status;
}
