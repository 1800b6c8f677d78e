import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { SecuritySettings } from '@/lib/api/types';

const KEY = ['settings', 'security'] as const;

/** GET /settings/security (admin): which roles must use two-step verification. */
export const securitySettingsQueryOptions = () =>
  queryOptions({ queryKey: KEY, queryFn: ({ signal }) => api<SecuritySettings>('/settings/security', { signal }) });

/** The security settings. */
export const useSecuritySettings = () => useQuery(securitySettingsQueryOptions());

/** PUT /settings/security (admin). */
export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SecuritySettings) =>
      api<SecuritySettings>('/settings/security', { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}
