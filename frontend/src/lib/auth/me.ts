import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { User } from '@/lib/api/types';
import { authKeys } from './keys';

/** GET /me: the signed-in user. */
export const getMe = (): Promise<User> => api<User>('/me');

/** Query options for the signed-in user. */
export const meQueryOptions = () => queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: 60_000 });
