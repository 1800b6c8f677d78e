import { z } from 'zod';

/**
 * The API's limits on a ticket's texts: backend `ticket/TicketRequests.CreateTicket` (title,
 * description) and `comment/CommentController.CreateComment` (reply or note), counted like Java's
 * `String.length()` (UTF-16 units, as JavaScript counts). A text must not be blank; the forms ask
 * no minimum length beyond that, since the API has none.
 */
export const TICKET_TEXT_LIMITS = { title: 200, description: 20000, reply: 20000 } as const;

// docs/architecture.md, "Input at the edge" (backend web/TextRules): no control character in one
// line of text; tab, line feed and carriage return allowed in several lines.
const SINGLE_LINE = /^\P{Cc}*$/u;
const MULTI_LINE = /^(?:[\t\n\r]|\P{Cc})*$/u;

/** A ticket's title; messages are translation keys, worded with `TICKET_TEXT_LIMITS`. */
export const ticketTitleSchema = z
  .string()
  .trim()
  .min(1, 'tickets:validation.titleRequired')
  .max(TICKET_TEXT_LIMITS.title, 'tickets:validation.titleLong')
  .regex(SINGLE_LINE, 'tickets:validation.controlCharacters');

/** A ticket's description. */
export const ticketDescriptionSchema = z
  .string()
  .trim()
  .min(1, 'tickets:validation.descriptionRequired')
  .max(TICKET_TEXT_LIMITS.description, 'tickets:validation.descriptionLong')
  .regex(MULTI_LINE, 'tickets:validation.controlCharacters');

/** A public reply or an internal note. */
export const replySchema = z
  .string()
  .trim()
  .min(1, 'tickets:validation.replyRequired')
  .max(TICKET_TEXT_LIMITS.reply, 'tickets:validation.descriptionLong')
  .regex(MULTI_LINE, 'tickets:validation.controlCharacters');
