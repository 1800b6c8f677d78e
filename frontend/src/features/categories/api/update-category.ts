import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, Category } from '@/lib/api/types';
import { categoryKeys } from './keys';

export type UpdateCategoryInput = Body<'/api/v1/categories/{id}', 'patch'>;

/** PATCH /categories/{id} (admin). */
export const updateCategory = (id: number, input: UpdateCategoryInput) =>
  api<Category>(`/categories/${id}`, { method: 'PATCH', body: input });

/**
 * Renames, re-describes or (de)activates a category, then reloads the lists. With `inlineError`,
 * a failure is left to the caller to show (a dialog's form) instead of the central notification.
 */
export function useUpdateCategory({ inlineError = false }: { inlineError?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateCategoryInput & { id: number }) => updateCategory(id, input),
    meta: { inlineError },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.all }),
  });
}
