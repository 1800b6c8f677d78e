/** The admin feature's query keys: the helpdesk-wide settings. */
export const settingsKeys = {
  all: ['settings'] as const,
  security: () => [...settingsKeys.all, 'security'] as const,
};
