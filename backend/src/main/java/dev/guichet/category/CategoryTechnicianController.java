package dev.guichet.category;

import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.user.UserSummary;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Admins choose which technicians (or admins) are alerted by email when a ticket is filed in a
 * category. With nobody chosen, every active technician and admin is alerted.
 */
@Controller("/api/v1/categories/{id}/technicians")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "categories")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.RateLimited
public class CategoryTechnicianController {

    private final CategoryRepository categories;
    private final CategoryQueries queries;
    private final UserRepository users;

    CategoryTechnicianController(CategoryRepository categories, CategoryQueries queries, UserRepository users) {
        this.categories = categories;
        this.queries = queries;
        this.users = users;
    }

    /** The people alerted about the category's new tickets, by name; 404 for an unknown category. */
    @ProblemResponses.NotFound
    @Get
    public List<UserSummary> listCategoryTechnicians(long id) {
        categories.findById(id).orElseThrow(() -> ApiException.notFound("category"));
        return summaries(queries.technicianIds(id));
    }

    /**
     * Replaces the list with these user ids (an empty list: everyone is alerted again).
     *
     * @throws ApiException 404 unknown category; 400 when an id is not an active technician or admin
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Put
    @Transactional
    public List<UserSummary> replaceCategoryTechnicians(
            long id, @Body @NotNull @Size(max = 500) List<@NotNull Long> userIds) {
        categories.findById(id).orElseThrow(() -> ApiException.notFound("category"));
        Set<Long> wanted = new LinkedHashSet<>(userIds);
        List<User> found = users.findByIdIn(wanted).stream()
                .filter(u -> u.active() && u.role().isAgent())
                .toList();
        if (found.size() != wanted.size()) {
            throw ApiException.invalidField("body", "not-technicians");
        }
        queries.replaceTechnicians(id, wanted);
        return summaries(queries.technicianIds(id));
    }

    private List<UserSummary> summaries(List<Long> ids) {
        return users.findByIdIn(ids).stream()
                .sorted((a, b) -> a.fullName().compareToIgnoreCase(b.fullName()))
                .map(UserSummary::of)
                .toList();
    }
}
