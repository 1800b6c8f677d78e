import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { SecuritySettings } from '@/lib/api/types';
import { settingsKeys } from './keys';

/** GET /settings/security (admin): which roles must use two-step verification. */
export const securitySettingsQueryOptions = () =>
  queryOptions({
    queryKey: settingsKeys.security(),
    queryFn: ({ signal }) => api<SecuritySettings>('/settings/security', { signal }),
  });

/** The security settings. */
export const useSecuritySettings = () => useQuery(securitySettingsQueryOptions());

/** PUT /settings/security (admin). */
export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SecuritySettings) =>
      api<SecuritySettings>('/settings/security', { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.security(), saved),
  });
}
