package dev.guichet.report;

import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The reports dashboard of technicians and admins (docs/architecture.md, "Reports, export and survey"). */
@Controller("/api/v1/reports")
@Secured({"TECHNICIAN", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.RateLimited
public class DashboardController {

    private final DashboardQueries queries;

    DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    /**
     * Every figure of the dashboard for a period and optionally a category. 400 naming {@code from},
     * {@code to} or {@code granularity} for a malformed date, a period that ends before it starts or
     * is longer than {@value DashboardQueries#MAX_DAYS} days (ten years), or a granularity other than
     * {@code day} or {@code week}; 503 {@code report-busy} with {@code Retry-After} when the database
     * is too busy to answer within {@code REPORTS_STATEMENT_TIMEOUT}.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Busy
    @Get("/dashboard")
    public Dashboard getDashboard(
            @Parameter(description = "first day, yyyy-MM-dd (default: 29 days before `to`)") @QueryValue @Nullable
                    String from,
            @Parameter(description = "last day, yyyy-MM-dd, inclusive (default: today)") @QueryValue @Nullable
                    String to,
            @QueryValue("category_id") @Nullable Long categoryId,
            @Parameter(description = "day or week (default: day)") @QueryValue @Nullable String granularity) {
        LocalDate last = to == null || to.isBlank() ? queries.today() : date("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(29) : date("from", from);
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "period-reversed");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > DashboardQueries.MAX_DAYS) {
            throw ApiException.invalidField("from", "period-too-long", DashboardQueries.MAX_DAYS);
        }
        String grouping = granularity == null || granularity.isBlank() ? "day" : granularity.trim();
        if (!grouping.equals("day") && !grouping.equals("week")) {
            throw ApiException.invalidField("granularity", "granularity");
        }
        return queries.dashboard(first, last, grouping.equals("week"), categoryId);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "date");
        }
    }
}
