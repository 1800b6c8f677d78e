package dev.guichet.live;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The JSON data of a {@code ticket} event on {@code GET /api/v1/events}: which ticket changed and
 * how, so the client refetches what it shows of it. Never the text of the change.
 *
 * @param eventId  the event id (also the SSE {@code id}, sent back as {@code Last-Event-ID})
 * @param ticketId the ticket concerned
 * @param kind     {@code created}, {@code changed}, {@code replied} or {@code note}
 */
@Serdeable
public record LiveEventMessage(long eventId, long ticketId, String kind) {

    static LiveEventMessage of(LiveEvent event) {
        return new LiveEventMessage(event.id(), event.ticketId(), event.kind());
    }
}
