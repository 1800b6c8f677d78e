import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, SavedView } from '@/lib/api/types';
import { viewKeys } from './keys';

export type CreateViewInput = Body<'/api/v1/views', 'post'>;

/** Query options for the caller's saved views. */
export const viewsQueryOptions = () =>
  queryOptions({ queryKey: viewKeys.all, queryFn: ({ signal }) => api<SavedView[]>('/views', { signal }) });

/** The caller's saved views, by name; `enabled` false for employees (they have none). */
export const useSavedViews = (enabled = true) => useQuery({ ...viewsQueryOptions(), enabled });

/** POST /views, then reloads the list. */
export function useCreateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateViewInput) => api<SavedView>('/views', { method: 'POST', body: input }),
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.all }),
  });
}

/** DELETE /views/{id}, then reloads the list. */
export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/views/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.all }),
  });
}
