import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, SlaPolicy } from '@/lib/api/types';
import { slaKeys } from './keys';

export type SlaPolicyInput = Body<'/api/v1/sla/policies', 'post'>;

/** Query options for GET /sla/policies (technicians and admins). */
export const slaPoliciesQueryOptions = () =>
  queryOptions({
    queryKey: slaKeys.policies(),
    queryFn: ({ signal }) => api<SlaPolicy[]>('/sla/policies', { signal }),
  });

/** Every SLA policy, the defaults (no category) first. */
export const useSlaPolicies = () => useQuery(slaPoliciesQueryOptions());

/** Creates (`id` null) or replaces a policy (admin), then reloads the list; its dialog shows a failure. */
export function useSaveSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: SlaPolicyInput & { id: number | null }) =>
      id === null
        ? api<SlaPolicy>('/sla/policies', { method: 'POST', body: input })
        : api<SlaPolicy>(`/sla/policies/${id}`, { method: 'PUT', body: input }),
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaKeys.policies() }),
  });
}

/** Deletes a policy (admin), then reloads the list. */
export function useDeleteSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/sla/policies/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaKeys.policies() }),
  });
}
