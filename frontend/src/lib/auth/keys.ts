/** The session's query keys: the signed-in user and the sign-in methods on offer. */
export const authKeys = {
  me: () => ['me'] as const,
  signInOptions: () => ['auth', 'options'] as const,
};
