import type { DashboardQuery } from './get-dashboard';

/** The reports feature's query keys. */
export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (query: DashboardQuery) => [...reportKeys.all, 'dashboard', query] as const,
};
