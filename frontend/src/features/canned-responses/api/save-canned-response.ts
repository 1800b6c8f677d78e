import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, CannedResponse } from '@/lib/api/types';
import { cannedResponseKeys } from './keys';

export type CannedResponseInput = Body<'/api/v1/canned-responses', 'post'>;

/** POST /canned-responses, or PUT /canned-responses/{id} when `id` is given. */
export const saveCannedResponse = ({ id, ...input }: CannedResponseInput & { id?: number }) =>
  id === undefined
    ? api<CannedResponse>('/canned-responses', { method: 'POST', body: input })
    : api<CannedResponse>(`/canned-responses/${id}`, { method: 'PUT', body: input });

/** Creates or changes a canned response, then reloads every list of them; its dialog shows a failure. */
export function useSaveCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCannedResponse,
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedResponseKeys.all }),
  });
}
