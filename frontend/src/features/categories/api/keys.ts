/** The categories feature's query keys. */
export const categoryKeys = {
  all: ['categories'] as const,
  list: (includeInactive: boolean) => [...categoryKeys.all, { includeInactive }] as const,
  technicians: (id: number) => [...categoryKeys.all, 'technicians', id] as const,
};
