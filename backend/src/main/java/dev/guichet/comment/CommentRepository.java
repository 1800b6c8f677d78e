package dev.guichet.comment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Reads and writes {@link Comment} rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CommentRepository extends CrudRepository<Comment, Long> {

    /** @return every comment of a ticket, internal notes included, oldest first */
    @Query("SELECT * FROM comments WHERE ticket_id = :ticketId ORDER BY created_at, id")
    List<Comment> findAllOfTicket(long ticketId);

    /** @return the public replies of a ticket only, oldest first: what a requester may read */
    @Query("SELECT * FROM comments WHERE ticket_id = :ticketId AND NOT internal ORDER BY created_at, id")
    List<Comment> findPublicOfTicket(long ticketId);
}
