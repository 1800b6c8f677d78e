import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, CategoryTechnician } from '@/lib/api/types';
import { categoryKeys } from './keys';

/** The ids of the people to alert; empty for every technician and admin. */
export type CategoryTechnicianIds = Body<'/api/v1/categories/{id}/technicians', 'put'>;

/** PUT /categories/{id}/technicians (admin): replaces the list; `[]` alerts every technician. */
export const updateCategoryTechnicians = (id: number, userIds: CategoryTechnicianIds) =>
  api<CategoryTechnician[]>(`/categories/${id}/technicians`, { method: 'PUT', body: userIds });

/** Chooses who is alerted about a category's new tickets, then reloads that list; its dialog shows a failure. */
export function useUpdateCategoryTechnicians() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, userIds }: { id: number; userIds: CategoryTechnicianIds }) =>
      updateCategoryTechnicians(id, userIds),
    meta: { inlineError: true },
    onSuccess: (_data, { id }) => queryClient.invalidateQueries({ queryKey: categoryKeys.technicians(id) }),
  });
}
