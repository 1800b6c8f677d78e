package dev.guichet.sla;

import dev.guichet.category.Category;
import dev.guichet.category.CategoryRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SLA settings: policies (targets per priority and category) and the business calendar's closed
 * days. Technicians and admins read them; admins change them. A change applies to tickets from
 * their next change or creation on (due times already stored are kept: the SLA a ticket was given
 * is not moved under the team's feet).
 */
@Controller("/api/v1/sla")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"TECHNICIAN", "ADMIN"})
@Tag(name = "sla")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class SlaController {

    private final SlaQueries queries;
    private final CategoryRepository categories;
    private final SlaSettings settings;
    private final BusinessCalendars calendars;

    SlaController(
            SlaQueries queries, CategoryRepository categories, SlaSettings settings, BusinessCalendars calendars) {
        this.queries = queries;
        this.categories = categories;
        this.settings = settings;
        this.calendars = calendars;
    }

    /** Every policy, the defaults (no category) first. */
    @Get("/policies")
    public List<SlaPolicy> listSlaPolicies() {
        return queries.all();
    }

    /**
     * Creates a policy.
     *
     * @throws ApiException 409 {@code sla-policy-exists} for a second policy of the same priority and category;
     *                      400 for an unknown category
     */
    @Status(HttpStatus.CREATED)
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ProblemResponses.Conflict
    @Post("/policies")
    @Secured("ADMIN")
    @Transactional
    public HttpResponse<SlaPolicy> createSlaPolicy(@Body @Valid SlaRequests.Policy request) {
        checkCategory(request.categoryId());
        long id = queries.save(null, request);
        return HttpResponse.created(queries.get(id), URI.create("/api/v1/sla/policies/" + id));
    }

    /** Replaces a policy; 404 when it does not exist, otherwise as {@link #createPolicy}. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Put("/policies/{id}")
    @Secured("ADMIN")
    @Transactional
    public SlaPolicy updateSlaPolicy(long id, @Body @Valid SlaRequests.Policy request) {
        checkCategory(request.categoryId());
        queries.save(id, request);
        return queries.get(id);
    }

    /** Deletes a policy (tickets it covered fall back on the next policy, or none); 404 when absent. */
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @Delete("/policies/{id}")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    @Transactional
    public void deleteSlaPolicy(long id) {
        if (!queries.delete(id)) {
            throw ApiException.notFound("sla-policy");
        }
    }

    /**
     * The business calendar: hours and working days from the configuration, the public holidays
     * and the closed days of a year.
     *
     * @param year the year to list (default: this year in the calendar's zone)
     */
    @ProblemResponses.BadRequest
    @Get("/calendar")
    @Transactional
    public Calendar getSlaCalendar(@QueryValue @Nullable Integer year) {
        int y = year == null ? Year.now(settings.timeZone()).getValue() : year;
        if (y < 2000 || y > 2200) {
            throw ApiException.invalidField("year", "year-range", 2000, 2200);
        }
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
            if (calendars.isPublicHoliday(d)) {
                holidays.add(d);
            }
        }
        List<ClosedDay> closed = queries.closedDays(y);
        return new Calendar(
                settings.timeZone().getId(),
                settings.country(),
                settings.workdays(),
                settings.opening(),
                settings.closing(),
                y,
                holidays,
                closed);
    }

    /**
     * Adds a closed day, or renames it when it exists.
     *
     * @return the day
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @Post("/closed-days")
    @Secured("ADMIN")
    @Transactional
    public ClosedDay addSlaClosedDay(@Body @Valid SlaRequests.ClosedDay request) {
        LocalDate day = request.day();
        queries.saveClosedDay(day, request.label().strip());
        return new ClosedDay(day, request.label().strip());
    }

    /** Removes a closed day; 404 when it is not one. */
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @Delete("/closed-days/{day}")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    @Transactional
    public void deleteSlaClosedDay(LocalDate day) {
        if (!queries.deleteClosedDay(day)) {
            throw ApiException.notFound("closed-day");
        }
    }

    private void checkCategory(@Nullable Long categoryId) {
        if (categoryId != null) {
            categories
                    .findById(categoryId)
                    .filter(Category::active)
                    .orElseThrow(() -> ApiException.invalidField("category_id", "inactive-category"));
        }
    }

    /** A day the team does not work, with what it is. */
    @Serdeable
    public record ClosedDay(LocalDate day, String label) {}

    /**
     * The business calendar of one year.
     *
     * @param country        the jollyday code of the public holidays ({@code SLA_HOLIDAYS})
     * @param publicHolidays the public holidays of {@code year}
     * @param closedDays     the admin's closed days of {@code year}
     */
    @Serdeable
    public record Calendar(
            String timeZone,
            String country,
            Set<DayOfWeek> workdays,
            LocalTime opens,
            LocalTime closes,
            int year,
            List<LocalDate> publicHolidays,
            List<ClosedDay> closedDays) {}
}
