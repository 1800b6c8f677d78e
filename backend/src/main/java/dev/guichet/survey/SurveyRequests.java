package dev.guichet.survey;

import dev.guichet.ticket.TicketStatus;
import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request and response bodies of the satisfaction survey. */
public final class SurveyRequests {

    private SurveyRequests() {}

    /**
     * An answer given in the app (by the requester, signed in).
     *
     * @param score   1 (very dissatisfied) to 5 (very satisfied)
     * @param comment optional, at most 2 000 characters; blank counts as none
     */
    @Serdeable
    public record Answer(
            @NotNull @Min(1) @Max(5) Integer score,

            @Nullable @Size(max = 2000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
            String comment) {}

    /** An answer given through the mailed link, which carries the link's token. */
    @Serdeable
    public record LinkAnswer(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Min(1) @Max(5) Integer score,

            @Nullable @Size(max = 2000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
            String comment) {}

    /** A recorded answer. */
    @Serdeable
    public record Result(int score, @Nullable String comment, Instant answeredAt, Instant updatedAt) {}

    /**
     * The survey of one ticket as its reader sees it.
     *
     * @param answer     the requester's answer, or null before they answer
     * @param canAnswer  whether this reader may answer or change the answer now
     */
    @Serdeable
    public record Survey(
            long ticketId,
            String title,
            TicketStatus status,
            @Schema(type = "object") @Nullable Result answer,
            boolean canAnswer) {}
}
