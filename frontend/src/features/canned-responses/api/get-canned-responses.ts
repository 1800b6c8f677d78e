import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { CannedResponse } from '@/lib/api/types';
import { cannedResponseKeys } from './keys';

/** Which replies a list shows: shared and own, shared only, own only. */
export type CannedScope = 'all' | 'shared' | 'personal';

/** GET /canned-responses (technicians and admins): by title, matching `q` in title or body. */
export const getCannedResponses = (scope: CannedScope, q: string, signal?: AbortSignal) =>
  api<CannedResponse[]>('/canned-responses', { query: { scope, q: q.trim() }, signal });

/** Query options of a list of canned responses. */
export const cannedResponsesQueryOptions = (scope: CannedScope, q = '') =>
  queryOptions({
    queryKey: cannedResponseKeys.list(scope, q),
    queryFn: ({ signal }) => getCannedResponses(scope, q, signal),
    placeholderData: keepPreviousData,
  });

/** The canned responses of a scope matching `q`. */
export const useCannedResponses = (scope: CannedScope, q = '', enabled = true) =>
  useQuery({ ...cannedResponsesQueryOptions(scope, q), enabled });
