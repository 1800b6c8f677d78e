import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Category } from '@/lib/api/types';
import { categoryKeys } from './keys';

/** GET /categories; inactive ones too when asked (admin). */
export const getCategories = (includeInactive = false, signal?: AbortSignal) =>
  api<Category[]>('/categories', { query: { include_inactive: includeInactive || undefined }, signal });

/** Query options for the categories. */
export const categoriesQueryOptions = (includeInactive = false) =>
  queryOptions({
    queryKey: categoryKeys.list(includeInactive),
    queryFn: ({ signal }) => getCategories(includeInactive, signal),
    staleTime: 5 * 60_000,
  });

/** The categories (active only unless asked). */
export const useCategories = (includeInactive = false) => useQuery(categoriesQueryOptions(includeInactive));
