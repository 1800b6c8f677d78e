package dev.guichet.canned;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Reads and writes {@link CannedResponse} rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CannedResponseRepository extends CrudRepository<CannedResponse, Long> {

    /**
     * The replies an agent may use, by title, at most 200.
     *
     * @param shared  include the shared replies
     * @param ownerId include the personal replies of this person; null for none
     * @param q       words looked for, case-insensitively, in the title or the body; "" for all
     */
    @Query("""
            SELECT * FROM canned_responses
             WHERE ((owner_id IS NULL AND :shared) OR owner_id = :ownerId)
               AND (:q = '' OR strpos(lower(title || ' ' || body), lower(:q)) > 0)
             ORDER BY lower(title), id
             LIMIT 200""")
    List<CannedResponse> search(boolean shared, @Nullable Long ownerId, String q);
}
