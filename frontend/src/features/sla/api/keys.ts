/** The SLA feature's query keys: the policies and the business calendar of each year. */
export const slaKeys = {
  all: ['sla'] as const,
  policies: () => [...slaKeys.all, 'policies'] as const,
  calendars: () => [...slaKeys.all, 'calendar'] as const,
  calendar: (year: number) => [...slaKeys.calendars(), year] as const,
};
