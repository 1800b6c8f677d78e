import type { CountsQuery } from './get-ticket-counts';
import type { TicketQuery } from './get-tickets';

/**
 * The tickets feature's query keys, built in one place so a mutation invalidates exactly what it
 * changes. A ticket's key is the prefix of its conversation, history and attachments: invalidating
 * `detail(id)` refreshes all of them, and its survey.
 */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (query: TicketQuery) => [...ticketKeys.lists(), query] as const,
  allCounts: () => [...ticketKeys.all, 'counts'] as const,
  counts: (query: CountsQuery) => [...ticketKeys.allCounts(), query] as const,
  detail: (id: number) => [...ticketKeys.all, id] as const,
  comments: (id: number) => [...ticketKeys.detail(id), 'comments'] as const,
  history: (id: number) => [...ticketKeys.detail(id), 'history'] as const,
  attachments: (id: number) => [...ticketKeys.detail(id), 'attachments'] as const,
  survey: (id: number) => [...ticketKeys.detail(id), 'survey'] as const,
  /** A survey opened from a mailed link, without a session: apart from the signed-in user's tickets. */
  publicSurvey: (id: number, token: string) => ['public-survey', id, token] as const,
};

/** The cache keys of the caller's saved queue views. */
export const viewKeys = { all: ['views'] as const };
