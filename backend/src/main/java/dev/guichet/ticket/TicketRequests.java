package dev.guichet.ticket;

import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the ticket endpoints. */
public final class TicketRequests {

    private TicketRequests() {}

    /** A new ticket; priority defaults to MEDIUM, category to none. */
    @Serdeable
    public record CreateTicket(
            @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String title,

            @NotBlank @Size(max = 20000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
            String description,

            @Schema(type = "string") @Nullable Priority priority,
            @Nullable Long categoryId) {}

    /**
     * A change to a ticket. {@code version} is the one the client last saw; absent fields are left
     * unchanged; {@code unassign} and {@code clear_category} remove the assignee or category.
     */
    @Serdeable
    public record UpdateTicket(
            @NotNull @Min(0) Integer version,
            @Schema(type = "string") @Nullable TicketStatus status,
            @Schema(type = "string") @Nullable Priority priority,
            @Nullable Long categoryId,
            @Nullable Long assigneeId,
            @Nullable Boolean unassign,
            @Nullable Boolean clearCategory) {}
}
