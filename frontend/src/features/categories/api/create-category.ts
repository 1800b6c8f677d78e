import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, Category } from '@/lib/api/types';
import { categoryKeys } from './keys';

export type CreateCategoryInput = Body<'/api/v1/categories', 'post'>;

/** POST /categories (admin). */
export const createCategory = (input: CreateCategoryInput) =>
  api<Category>('/categories', { method: 'POST', body: input });

/** Creates a category and reloads the lists; its dialog shows a failure (`inlineError`). */
export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCategory,
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.all }),
  });
}
