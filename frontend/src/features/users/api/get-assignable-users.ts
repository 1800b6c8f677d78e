import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { AssignableUser } from '@/lib/api/types';
import { userKeys } from './keys';

/** GET /users/assignable: active technicians and admins. */
export const getAssignableUsers = (signal?: AbortSignal) => api<AssignableUser[]>('/users/assignable', { signal });

/** Query options for the people a ticket can be assigned to. */
export const assignableUsersQueryOptions = () =>
  queryOptions({
    queryKey: userKeys.assignable(),
    queryFn: ({ signal }) => getAssignableUsers(signal),
    staleTime: 5 * 60_000,
  });

/** The people a ticket can be assigned to; only for technicians and admins. */
export const useAssignableUsers = (enabled = true) => useQuery({ ...assignableUsersQueryOptions(), enabled });
