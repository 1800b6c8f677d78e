package dev.guichet.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the authentication endpoints. */
public final class AuthRequests {

    private AuthRequests() {}

    /** Email and password. */
    @Serdeable
    public record Login(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {}

    /** A refresh token, for rotation or logout. */
    @Serdeable
    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

    /** The challenge token of a login's second step. */
    @Serdeable
    public record Challenge(@NotBlank @Size(max = 200) String challengeToken) {}

    /** A challenge token and a code: six digits from the app, or a recovery code. */
    @Serdeable
    public record SecondFactor(
            @NotBlank @Size(max = 200) String challengeToken,
            @NotBlank @Size(max = 64) String code) {}

    /** A directory login: the name the directory knows (uid, sAMAccountName or email) and its password. */
    @Serdeable
    public record DirectoryLogin(
            @NotBlank @Size(max = 256) String username,
            @NotBlank @Size(max = 1024) String password) {}

    /** A single-use token from a "choose your password" link, and the new password. */
    @Serdeable
    public record UsePasswordToken(
            @NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 1024) String password) {}
}
