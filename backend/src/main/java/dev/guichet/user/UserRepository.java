package dev.guichet.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@link User} rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends CrudRepository<User, Long> {

    /** @return the users with these ids (unknown ids are skipped) */
    List<User> findByIdIn(java.util.Collection<Long> ids);

    /** @param email a lower-cased email address */
    Optional<User> findByEmail(String email);

    /** @return active technicians and admins, by name: the people a ticket may be assigned to */
    @Query("SELECT * FROM users WHERE active AND role IN ('TECHNICIAN', 'ADMIN') ORDER BY full_name, id")
    List<User> findAssignable();

    /**
     * Admin listing. Each filter is optional (null = any).
     *
     * @param q      case-insensitive substring of the name or email
     * @param role   role name
     * @param active activity flag
     */
    @Query(value = """
            SELECT * FROM users
             WHERE (CAST(:q AS text) IS NULL OR email ILIKE '%' || CAST(:q AS text) || '%'
                                           OR full_name ILIKE '%' || CAST(:q AS text) || '%')
               AND (CAST(:role AS text) IS NULL OR role = CAST(:role AS text))
               AND (CAST(:active AS boolean) IS NULL OR active = CAST(:active AS boolean))
             ORDER BY full_name, id""", countQuery = """
            SELECT count(*) FROM users
             WHERE (CAST(:q AS text) IS NULL OR email ILIKE '%' || CAST(:q AS text) || '%'
                                           OR full_name ILIKE '%' || CAST(:q AS text) || '%')
               AND (CAST(:role AS text) IS NULL OR role = CAST(:role AS text))
               AND (CAST(:active AS boolean) IS NULL OR active = CAST(:active AS boolean))""")
    Page<User> search(@Nullable String q, @Nullable String role, @Nullable Boolean active, Pageable pageable);

    /** @return whether any account exists (the first admin is created only on an empty table) */
    @Query("SELECT EXISTS (SELECT 1 FROM users)")
    boolean anyExists();
}
