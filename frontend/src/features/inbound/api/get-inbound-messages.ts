import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { InboundMessage } from '@/lib/api/types';
import { inboundKeys } from './keys';

/** GET /admin/inbound/messages?status=problems (admin): rejected and failed messages, newest first. */
export const getInboundProblems = (signal?: AbortSignal) =>
  api<InboundMessage[]>('/admin/inbound/messages', { query: { status: 'problems', size: 100 }, signal });

/** Query options of the rejected and failed messages. */
export const inboundProblemsQueryOptions = () =>
  queryOptions({ queryKey: inboundKeys.problems(), queryFn: ({ signal }) => getInboundProblems(signal) });

/** The rejected and failed messages. */
export const useInboundProblems = () => useQuery(inboundProblemsQueryOptions());
