package dev.guichet.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to a password (or directory) login: either the token pair, or what is still due before
 * it. {@code second_factor} is {@code null} with tokens, {@code TOTP} when a code from the
 * authenticator app (or a recovery code) must be sent to {@code /auth/login/two-factor}, and
 * {@code TOTP_ENROLMENT} when the account's role requires two-factor authentication and the person
 * must enrol first ({@code /auth/login/two-factor/setup} then {@code /confirm}).
 *
 * @param accessToken    signed JWT, or null while a second factor is due
 * @param refreshToken   opaque single-use token, or null while a second factor is due
 * @param tokenType      {@code Bearer}, or null while a second factor is due
 * @param expiresIn      access token lifetime in seconds, or the challenge's lifetime
 * @param secondFactor   null, {@code TOTP} or {@code TOTP_ENROLMENT}
 * @param challengeToken opaque, single-purpose, short-lived token for the second step; not an access token
 * @param recoveryCodes  only right after an enrolment at login: the one-time recovery codes, shown once
 */
@Serdeable
public record LoginResponse(
        @Nullable String accessToken,
        @Nullable String refreshToken,
        @Nullable String tokenType,
        int expiresIn,
        @Nullable String secondFactor,
        @Nullable String challengeToken,
        @Nullable List<String> recoveryCodes) {

    /** A finished login. */
    public static LoginResponse of(TokenResponse tokens) {
        return new LoginResponse(
                tokens.accessToken(), tokens.refreshToken(), tokens.tokenType(), tokens.expiresIn(), null, null, null);
    }

    /** A finished login right after enrolment, with the recovery codes to show once. */
    public static LoginResponse enrolled(TokenResponse tokens, List<String> recoveryCodes) {
        return new LoginResponse(
                tokens.accessToken(),
                tokens.refreshToken(),
                tokens.tokenType(),
                tokens.expiresIn(),
                null,
                null,
                recoveryCodes);
    }

    /** A second step is due. */
    public static LoginResponse challenge(String secondFactor, String challengeToken, int expiresIn) {
        return new LoginResponse(null, null, null, expiresIn, secondFactor, challengeToken, null);
    }
}
