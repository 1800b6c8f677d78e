package dev.guichet.view;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@link SavedView} rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SavedViewRepository extends CrudRepository<SavedView, Long> {

    /** @return the person's views by name */
    @Query("SELECT * FROM saved_views WHERE owner_id = :ownerId ORDER BY lower(name), id")
    List<SavedView> findOfOwner(long ownerId);

    /** @param name compared case-insensitively */
    @Query("SELECT * FROM saved_views WHERE owner_id = :ownerId AND lower(name) = lower(:name)")
    Optional<SavedView> findByOwnerAndName(long ownerId, String name);

    /** @return how many views the person has */
    @Query("SELECT count(*) FROM saved_views WHERE owner_id = :ownerId")
    long countOfOwner(long ownerId);
}
