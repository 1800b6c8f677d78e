package dev.guichet.auth.totp;

import dev.guichet.auth.Caller;
import dev.guichet.user.Role;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Set;

/** Security settings, for admins: which roles must use two-factor authentication. */
@Controller("/api/v1/settings/security")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "settings")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class SecuritySettingsController {

    private final TwoFactorQueries settings;

    SecuritySettingsController(TwoFactorQueries settings) {
        this.settings = settings;
    }

    /**
     * @param twoFactorRequiredRoles local accounts of these roles must enrol at their next login
     */
    @Serdeable
    public record Settings(@NotNull Set<Role> twoFactorRequiredRoles) {}

    /** The current settings; 403 for non-admins. */
    @ProblemResponses.Forbidden
    @Get
    public Settings getSecuritySettings(Authentication authentication) {
        requireAdmin(authentication);
        return new Settings(settings.twoFactorRequiredRoles());
    }

    /** Replaces the settings; 403 for non-admins. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @Put
    public Settings updateSecuritySettings(@Body @Valid Settings request, Authentication authentication) {
        requireAdmin(authentication);
        settings.setTwoFactorRequiredRoles(
                request.twoFactorRequiredRoles().isEmpty()
                        ? EnumSet.noneOf(Role.class)
                        : EnumSet.copyOf(request.twoFactorRequiredRoles()));
        return new Settings(settings.twoFactorRequiredRoles());
    }

    private static void requireAdmin(Authentication authentication) {
        if (!Caller.of(authentication).isAdmin()) {
            throw ApiException.forbidden("security-settings");
        }
    }
}
