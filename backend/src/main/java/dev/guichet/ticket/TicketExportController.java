package dev.guichet.ticket;

import dev.guichet.auth.Caller;
import dev.guichet.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;

/**
 * The CSV export of a queue view: the list's filters ({@link QueueFilters}) and sort, every matching
 * ticket (no paging).
 */
@Controller("/api/v1/tickets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tickets")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class TicketExportController {

    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final TicketExport export;

    TicketExportController(TicketExport export) {
        this.export = export;
    }

    /**
     * Streams the tickets of a queue view as CSV (UTF-8 with BOM): the same filters as
     * {@code GET /tickets} (employees only get their own tickets), in the same sort (default: newest
     * first). Headers, status and priority labels follow {@code Accept-Language}: French (separator
     * {@code ;}, for French Excel) unless English is preferred (separator {@code ,}). 429
     * {@code export-busy} when too many exports run at once.
     */
    @ProblemResponses.BadRequest
    @Get(value = "/export.csv", produces = "text/csv")
    public HttpResponse<StreamedFile> exportTickets(
            @Valid @RequestBean QueueFilters filters,
            @Parameter(
                            description =
                                    "created_at, updated_at, priority, status, title, id or sla_due (next SLA due time), with ,asc or ,desc")
                    @QueryValue
                    @Nullable
                    String sort,
            @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        TicketFilter filter = filters.resolve(caller);
        // A search's default order is relevance, which only exists for a page; the export lists newest first.
        TicketSort order = TicketSort.parse(sort, false);
        String language = language(acceptLanguage);
        StreamedFile body = new StreamedFile(export.open(filter, order, language), CSV);
        return HttpResponse.ok(body)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName(language) + "\"");
    }

    /** @return {@code en} when the caller prefers English to French, else {@code fr} */
    static String language(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "fr";
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            List<String> matched = Locale.filterTags(ranges, List.of("fr", "en"));
            return matched.isEmpty() ? "fr" : matched.getFirst();
        } catch (IllegalArgumentException e) {
            return "fr"; // a malformed header is not worth refusing a download for
        }
    }
}
