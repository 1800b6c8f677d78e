/**
 * The ticket lists keep their filters in the address (shareable, and Back works);
 * this reads them safely, dropping anything malformed.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { PRIORITIES, STATUSES } from '@/lib/api/types';

/** The sort orders offered in the queue, as the API spells them. */
export const SORTS = [
  'updated_at,desc',
  'created_at,desc',
  'created_at,asc',
  'priority,desc',
  'status,asc',
  'title,asc',
  'sla_due,asc',
] as const;

/** The queue's SLA filters, as the API spells them. */
export const SLA_FILTERS = ['AT_RISK', 'BREACHED'] as const;

const schema = z.object({
  status: z.array(z.enum(STATUSES)).catch([]),
  q: z.string().max(200).catch(''),
  /** The keyset cursor of the page shown (null: the first page). */
  cursor: z.string().min(1).max(1000).nullable().catch(null),
  priority: z.enum(PRIORITIES).nullable().catch(null),
  category: z.coerce.number().int().positive().nullable().catch(null),
  assignee: z
    .union([z.enum(['none', 'me']), z.coerce.number().int().positive()])
    .nullable()
    .catch(null),
  sort: z.enum(SORTS).nullable().catch(null),
  /** Only tickets with activity the user has not seen. */
  unread: z.boolean().catch(false),
  /** Only tickets with an SLA target at risk or breached. */
  sla: z.enum(SLA_FILTERS).nullable().catch(null),
});

export type ListParams = z.infer<typeof schema>;

/** Parses a list page's search parameters; unknown or invalid values fall back to defaults. */
export function parseListParams(params: URLSearchParams): ListParams {
  const one = (key: string) => params.get(key) ?? undefined;
  return schema.parse({
    status: params.getAll('status'),
    q: one('q') ?? '',
    cursor: one('cursor') ?? null,
    priority: one('priority') ?? null,
    category: one('category') ?? null,
    assignee: one('assignee') ?? null,
    sort: one('sort') ?? null,
    unread: params.get('unread') === 'true',
    sla: one('sla') ?? null,
  });
}

/**
 * The API filters of the queue's parameters (all but status, cursor and sort), in one shape
 * for the list, its counts and the menu's view counts, so they share cache entries.
 */
export function queueFilters(params: ListParams) {
  return {
    q: params.q || undefined,
    priority: params.priority,
    category_id: params.category,
    assignee_id: params.assignee,
    unread: params.unread || undefined,
    sla: params.sla,
  };
}

/** The list's parameters, and a setter that goes back to the first page when a filter changes. */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => parseListParams(params), [params]);
  const update = useCallback(
    (change: Partial<ListParams>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, val] of Object.entries(change)) {
            next.delete(key);
            if (Array.isArray(val)) val.forEach((v) => next.append(key, String(v)));
            else if (val !== null && val !== undefined && val !== '' && val !== false) {
              next.set(key, String(val));
            }
          }
          if (!('cursor' in change)) next.delete('cursor');
          return next;
        },
        { replace: !('cursor' in change) },
      );
    },
    [setParams],
  );
  return [value, update] as const;
}
