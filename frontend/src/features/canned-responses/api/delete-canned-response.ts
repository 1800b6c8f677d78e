import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { cannedResponseKeys } from './keys';

/** DELETE /canned-responses/{id}. */
export const deleteCannedResponse = (id: number) => api<void>(`/canned-responses/${id}`, { method: 'DELETE' });

/** Deletes a canned response, then reloads every list of them. */
export function useDeleteCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCannedResponse,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedResponseKeys.all }),
  });
}
