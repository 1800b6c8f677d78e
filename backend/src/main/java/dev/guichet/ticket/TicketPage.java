package dev.guichet.ticket;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of the ticket list. Rows carry a description excerpt (first 200 characters); the
 * detail ({@code GET /tickets/{id}}) has the whole description.
 *
 * @param items             the rows of this page
 * @param page              the 0-based page number asked for (0 when paging by cursor)
 * @param size              the requested page size (1–100)
 * @param total             tickets matching the filters; exact unless {@code totalIsLowerBound}
 * @param totalIsLowerBound true when more than {@code total} (1 000) tickets match: show "1 000+"
 * @param nextCursor        pass as {@code cursor} to get the next page; null on the last page
 */
@Serdeable
public record TicketPage(List<TicketResponse> items, int page, int size, long total, boolean totalIsLowerBound,
                         @Nullable String nextCursor) {
}
