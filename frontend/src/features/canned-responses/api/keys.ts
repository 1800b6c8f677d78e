/** The canned-responses feature's query keys. */
export const cannedResponseKeys = {
  all: ['canned-responses'] as const,
  list: (scope: string, q: string) => [...cannedResponseKeys.all, scope, q.trim()] as const,
};
