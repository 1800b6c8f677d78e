import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Page, Role, User } from '@/lib/api/types';
import { userKeys } from './keys';

export interface UsersQuery {
  q?: string;
  role?: Role | null;
  active?: boolean | null;
  page: number;
  size: number;
}

/** GET /users (admin). */
export const getUsers = (query: UsersQuery, signal?: AbortSignal) =>
  api<Page<User>>('/users', { query: { ...query }, signal });

/** Query options for one page of users. */
export const usersQueryOptions = (query: UsersQuery) =>
  queryOptions({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => getUsers(query, signal),
    placeholderData: keepPreviousData,
  });

/** One page of users. */
export const useUsers = (query: UsersQuery) => useQuery(usersQueryOptions(query));
