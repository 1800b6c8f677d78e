import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Dashboard } from '@/lib/api/types';
import { reportKeys } from './keys';

/** The dashboard's filters: a period of days (yyyy-MM-dd, inclusive), a grouping, a category. */
export interface DashboardQuery {
  from: string;
  to: string;
  granularity: 'day' | 'week';
  category_id: number | null;
}

/** GET /reports/dashboard. */
export const getDashboard = (query: DashboardQuery, signal?: AbortSignal) =>
  api<Dashboard>('/reports/dashboard', { query: { ...query }, signal });

/** Query options of the dashboard for a period. */
export const dashboardQueryOptions = (query: DashboardQuery) =>
  queryOptions({
    queryKey: reportKeys.dashboard(query),
    queryFn: ({ signal }) => getDashboard(query, signal),
    placeholderData: keepPreviousData,
  });

/** The dashboard; the previous figures stay visible while new filters load. */
export const useDashboard = (query: DashboardQuery) => useQuery(dashboardQueryOptions(query));
