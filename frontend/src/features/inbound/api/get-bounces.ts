import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { MailBounce } from '@/lib/api/types';
import { inboundKeys } from './keys';

/** GET /admin/inbound/bounces (admin): addresses whose mail bounced; notifications to them are paused. */
export const getBounces = (signal?: AbortSignal) => api<MailBounce[]>('/admin/inbound/bounces', { signal });

/** Query options of the bouncing addresses. */
export const bouncesQueryOptions = () =>
  queryOptions({ queryKey: inboundKeys.bounces(), queryFn: ({ signal }) => getBounces(signal) });

/** The bouncing addresses. */
export const useBounces = () => useQuery(bouncesQueryOptions());
