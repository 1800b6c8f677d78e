package dev.guichet.ticket;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;

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
public record TicketPage(
        List<TicketResponse> items,
        int page,
        int size,
        long total,
        boolean totalIsLowerBound,
        @Nullable String nextCursor) {

    /**
     * @param rows the page as {@link TicketQueries#list} read it
     * @param page the 0-based page number asked for
     * @param size the requested page size
     * @return the page as the API shows it (rows carry no allowed transitions)
     */
    static TicketPage of(TicketQueries.Page rows, int page, int size) {
        return new TicketPage(
                rows.items().stream()
                        .map(t -> TicketResponse.of(t, Set.of(), rows.unread().contains(t.id())))
                        .toList(),
                page,
                size,
                rows.total(),
                rows.totalIsLowerBound(),
                rows.nextCursor());
    }
}
