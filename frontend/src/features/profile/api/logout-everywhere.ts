import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/** POST /auth/logout-all: the server revokes every refresh token and access token of the caller. */
export const logoutEverywhere = () => api<void>('/auth/logout-all', { method: 'POST' });

/** Ends every session of the signed-in user, this one included. */
export const useLogoutEverywhere = () => useMutation({ mutationFn: logoutEverywhere });
