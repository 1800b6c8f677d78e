/** The email channel's query keys (admin): its mailboxes, its problem messages, its bouncing addresses. */
export const inboundKeys = {
  all: ['inbound'] as const,
  mailboxes: () => [...inboundKeys.all, 'mailboxes'] as const,
  problems: () => [...inboundKeys.all, 'problems'] as const,
  bounces: () => [...inboundKeys.all, 'bounces'] as const,
};
