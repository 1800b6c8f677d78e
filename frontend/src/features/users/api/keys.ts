import type { UsersQuery } from './get-users';

/** The users feature's query keys. */
export const userKeys = {
  all: ['users'] as const,
  list: (query: UsersQuery) => [...userKeys.all, 'list', query] as const,
  assignable: () => [...userKeys.all, 'assignable'] as const,
};
