package dev.guichet.auth.totp;

import dev.guichet.auth.Caller;
import dev.guichet.web.ProblemResponses;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The caller's own two-factor authentication (profile page): status, enrolment, recovery codes, disable. */
@Controller("/api/v1/me/two-factor")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "me")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class TwoFactorController {

    private final TwoFactorService twoFactor;

    TwoFactorController(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    /** A code from the authenticator app (or, to disable, a recovery code). */
    @Serdeable
    public record Code(@NotBlank @Size(max = 64) String code) {}

    /** The current password and a code, to turn two-factor authentication off. */
    @Serdeable
    public record Disable(
            @NotBlank @Size(max = 1024) String password,
            @NotBlank @Size(max = 64) String code) {}

    /**
     * Recovery codes, shown once.
     *
     * @param recoveryCodes each usable once instead of a code from the app
     */
    @Serdeable
    public record RecoveryCodes(List<String> recoveryCodes) {}

    /** Whether two-factor authentication is on, required, available, and how many recovery codes remain. */
    @Get
    public TwoFactorService.Status getTwoFactorStatus(Authentication authentication) {
        return twoFactor.status(Caller.of(authentication).id());
    }

    /** Starts an enrolment: a new secret, its otpauth URI and QR code. 409 when already on. */
    @ProblemResponses.Conflict
    @Post("/setup")
    public TwoFactorService.Setup startTwoFactorSetup(Authentication authentication) {
        return twoFactor.setup(Caller.of(authentication).id());
    }

    /** Turns two-factor authentication on with the first code; returns the recovery codes, shown once. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Conflict
    @Post("/confirm")
    public RecoveryCodes confirmTwoFactorSetup(@Body @Valid Code request, Authentication authentication) {
        return new RecoveryCodes(twoFactor.confirm(Caller.of(authentication).id(), request.code()));
    }

    /** Replaces the recovery codes (a current code from the app is required). */
    @ProblemResponses.BadRequest
    @ProblemResponses.Conflict
    @Post("/recovery-codes")
    public RecoveryCodes renewRecoveryCodes(@Body @Valid Code request, Authentication authentication) {
        return new RecoveryCodes(
                twoFactor.regenerateRecoveryCodes(Caller.of(authentication).id(), request.code()));
    }

    /** Turns two-factor authentication off (password and code required) and ends every session. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Conflict
    @Post("/disable")
    @Status(HttpStatus.NO_CONTENT)
    public void disableTwoFactor(@Body @Valid Disable request, Authentication authentication) {
        twoFactor.disable(Caller.of(authentication).id(), request.password(), request.code());
    }
}
