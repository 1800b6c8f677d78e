package dev.guichet.user;

import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the user endpoints. */
public final class UserRequests {

    private UserRequests() {}

    /** Admin creates an account. */
    @Serdeable
    public record CreateUser(
            @NotBlank
            @Email
            @Size(max = 254)
            @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String email,

            @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String fullName,

            @NotNull String password,
            @NotNull Role role,
            @Nullable @Pattern(regexp = "fr|en") String locale) {}

    /** Admin edits an account; absent fields are left unchanged. */
    @Serdeable
    public record UpdateUser(
            @Nullable
            @Size(min = 1, max = 200)
            @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String fullName,

            @Schema(type = "string") @Nullable Role role,
            @Nullable Boolean active,
            @Nullable @Pattern(regexp = "fr|en") String locale,
            @Nullable String password) {}

    /** A person edits their own profile; absent fields are left unchanged. */
    @Serdeable
    public record UpdateProfile(
            @Nullable
            @Size(min = 1, max = 200)
            @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String fullName,

            @Nullable @Pattern(regexp = "fr|en") String locale,
            @Nullable Boolean notificationsEnabled) {}

    /** A person changes their own password. */
    @Serdeable
    public record ChangePassword(
            @NotNull String currentPassword, @NotNull String newPassword) {}
}
