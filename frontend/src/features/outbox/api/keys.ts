import type { OutboxQuery } from './get-outbox';

/** The outbox feature's query keys. */
export const outboxKeys = {
  all: ['outbox'] as const,
  list: (query: OutboxQuery) => [...outboxKeys.all, 'list', query] as const,
};
