import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { InboundOverview } from '@/lib/api/types';
import { inboundKeys } from './keys';

/** GET /admin/inbound/mailboxes (admin): each mailbox's settings (no password) and state. */
export const getInboundMailboxes = (signal?: AbortSignal) =>
  api<InboundOverview>('/admin/inbound/mailboxes', { signal });

/** Query options of the mailboxes' overview. */
export const inboundMailboxesQueryOptions = () =>
  queryOptions({ queryKey: inboundKeys.mailboxes(), queryFn: ({ signal }) => getInboundMailboxes(signal) });

/** The mailboxes' overview, refreshed every 30 s while shown. */
export const useInboundMailboxes = () => useQuery({ ...inboundMailboxesQueryOptions(), refetchInterval: 30_000 });
