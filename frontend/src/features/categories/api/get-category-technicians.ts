import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { CategoryTechnician } from '@/lib/api/types';
import { categoryKeys } from './keys';

/** GET /categories/{id}/technicians (admin): who is alerted about the category's new tickets. */
export const getCategoryTechnicians = (id: number, signal?: AbortSignal) =>
  api<CategoryTechnician[]>(`/categories/${id}/technicians`, { signal });

/** Query options for the people alerted about a category's new tickets. */
export const categoryTechniciansQueryOptions = (id: number) =>
  queryOptions({
    queryKey: categoryKeys.technicians(id),
    queryFn: ({ signal }) => getCategoryTechnicians(id, signal),
  });

/** The people alerted about a category's new tickets; an empty list means every technician. */
export const useCategoryTechnicians = (id: number, enabled = true) =>
  useQuery({ ...categoryTechniciansQueryOptions(id), enabled });
