import { describe, expect, it } from 'vitest';
import { backendSource } from '@/test/backend-source';
import { replySchema, ticketDescriptionSchema, ticketTitleSchema, TICKET_TEXT_LIMITS } from './ticket-rules';

/** The `@Size(max = N)` of each `@NotBlank` text field in a request record, in order. */
const sizes = (source: string, record: string) => {
  const start = source.indexOf(`record ${record}(`);
  const declaration = source.slice(start, source.indexOf(') {', start));
  return [...declaration.matchAll(/@NotBlank @Size\(max = (\d+)\)/g)].map((m) => Number(m[1]));
};

const firstMessage = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0].message;

describe('the ticket text rules', () => {
  it('are the API’s limits (CreateTicket, CreateComment)', () => {
    expect(sizes(backendSource('ticket/TicketRequests.java'), 'CreateTicket')).toEqual([
      TICKET_TEXT_LIMITS.title,
      TICKET_TEXT_LIMITS.description,
    ]);
    expect(sizes(backendSource('comment/CommentController.java'), 'CreateComment')).toEqual([TICKET_TEXT_LIMITS.reply]);
  });

  it('accept a one-character title, as the API does, and refuse a blank one', () => {
    expect(ticketTitleSchema.safeParse('X').data).toBe('X');
    expect(firstMessage(ticketTitleSchema.safeParse('   '))).toBe('tickets:validation.titleRequired');
    expect(ticketTitleSchema.safeParse('a'.repeat(TICKET_TEXT_LIMITS.title)).success).toBe(true);
    expect(firstMessage(ticketTitleSchema.safeParse('a'.repeat(TICKET_TEXT_LIMITS.title + 1)))).toBe(
      'tickets:validation.titleLong',
    );
  });

  it('refuse control characters, except tab and line breaks in several lines', () => {
    expect(firstMessage(ticketTitleSchema.safeParse('Imprimante\tHS'))).toBe('tickets:validation.controlCharacters');
    expect(ticketDescriptionSchema.safeParse('Ligne 1\r\n\tLigne 2').success).toBe(true);
    expect(firstMessage(replySchema.safeParse('Bonjour\u0000'))).toBe('tickets:validation.controlCharacters');
    expect(firstMessage(replySchema.safeParse('Bonjour\u0085'))).toBe('tickets:validation.controlCharacters');
  });
});
