import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, Category } from '@/lib/api/types';
import { categoryKeys } from './keys';

export type UpdateCategoryInput = Body<'/api/v1/categories/{id}', 'patch'>;

/** PATCH /categories/{id} (admin). */
export const updateCategory = (id: number, input: UpdateCategoryInput) =>
  api<Category>(`/categories/${id}`, { method: 'PATCH', body: input });

/** Renames, re-describes or (de)activates a category, then reloads the lists. */
export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateCategoryInput & { id: number }) => updateCategory(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.all }),
  });
}
