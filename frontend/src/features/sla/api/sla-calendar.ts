import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, SlaCalendar } from '@/lib/api/types';
import { slaKeys } from './keys';

export type ClosedDayInput = Body<'/api/v1/sla/closed-days', 'post'>;

/** Query options for GET /sla/calendar of a year. */
export const slaCalendarQueryOptions = (year: number) =>
  queryOptions({
    queryKey: slaKeys.calendar(year),
    queryFn: ({ signal }) => api<SlaCalendar>('/sla/calendar', { query: { year }, signal }),
  });

/** The business calendar of a year: hours, public holidays, closed days. */
export const useSlaCalendar = (year: number) => useQuery(slaCalendarQueryOptions(year));

/** Adds (or renames) a closed day (admin), then reloads the calendar. */
export function useAddClosedDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClosedDayInput) => api('/sla/closed-days', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaKeys.calendars() }),
  });
}

/** Removes a closed day (admin), then reloads the calendar. */
export function useRemoveClosedDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => api<void>(`/sla/closed-days/${day}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaKeys.calendars() }),
  });
}
