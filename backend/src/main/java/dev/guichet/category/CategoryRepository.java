package dev.guichet.category;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@link Category} rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CategoryRepository extends CrudRepository<Category, Long> {

    /** @return every category, by name */
    @Query("SELECT * FROM categories ORDER BY lower(name), id")
    List<Category> findAllOrdered();

    /** @return active categories, by name */
    @Query("SELECT * FROM categories WHERE active ORDER BY lower(name), id")
    List<Category> findActiveOrdered();

    /** @param name compared case-insensitively */
    @Query("SELECT * FROM categories WHERE lower(name) = lower(:name)")
    Optional<Category> findByNameIgnoreCase(String name);
}
