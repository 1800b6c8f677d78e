package dev.guichet.category;

import dev.guichet.auth.Caller;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.ProblemType;
import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;

/** Ticket categories: everyone reads them, admins create and edit them. */
@Controller("/api/v1/categories")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "categories")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class CategoryController {

    private final CategoryRepository categories;

    CategoryController(CategoryRepository categories) {
        this.categories = categories;
    }

    /** Active categories by name; admins may ask for inactive ones too. */
    @ProblemResponses.BadRequest
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<CategoryResponse> listCategories(
            @QueryValue(value = "include_inactive", defaultValue = "false") boolean includeInactive,
            Authentication authentication) {
        boolean all = includeInactive && Caller.of(authentication).isAdmin();
        return (all ? categories.findAllOrdered() : categories.findActiveOrdered())
                .stream().map(CategoryResponse::of).toList();
    }

    /** Creates a category; 409 when the name (case-insensitive) exists. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    @Secured("ADMIN")
    @Transactional
    public HttpResponse<CategoryResponse> createCategory(@Body @Valid CreateCategory request) {
        String name = request.name().trim();
        if (categories.findByNameIgnoreCase(name).isPresent()) {
            throw ApiException.conflict(ProblemType.CATEGORY_EXISTS);
        }
        Category saved = categories.save(new Category(null, name, blankToNull(request.description()), true, null));
        return HttpResponse.created(CategoryResponse.of(saved), URI.create("/api/v1/categories/" + saved.id()));
    }

    /** Renames, describes, deactivates or reactivates a category; absent fields are unchanged. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Patch("/{id}")
    @Secured("ADMIN")
    @Transactional
    public CategoryResponse updateCategory(long id, @Body @Valid UpdateCategory request) {
        Category current = categories.findById(id).orElseThrow(() -> ApiException.notFound("category"));
        String name = request.name() == null ? current.name() : request.name().trim();
        categories.findByNameIgnoreCase(name).filter(other -> other.id() != id).ifPresent(other -> {
            throw ApiException.conflict(ProblemType.CATEGORY_EXISTS);
        });
        Category updated = new Category(
                id,
                name,
                request.description() == null ? current.description() : blankToNull(request.description()),
                request.active() == null ? current.active() : request.active(),
                current.createdAt());
        return CategoryResponse.of(categories.update(updated));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A category as the API shows it. */
    @Serdeable
    public record CategoryResponse(
            long id, String name, @Nullable String description, boolean active) {
        static CategoryResponse of(Category c) {
            return new CategoryResponse(c.id(), c.name(), c.description(), c.active());
        }
    }

    /** New category. */
    @Serdeable
    public record CreateCategory(
            @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String name,

            @Nullable @Size(max = 500) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
            String description) {}

    /** Category edit; absent fields are unchanged. */
    @Serdeable
    public record UpdateCategory(
            @Nullable
            @Size(min = 1, max = 100)
            @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String name,

            @Nullable @Size(max = 500) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
            String description,

            @Nullable Boolean active) {}
}
