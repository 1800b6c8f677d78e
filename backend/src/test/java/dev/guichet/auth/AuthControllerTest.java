package dev.guichet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserResponse;
import dev.guichet.web.Problem;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthControllerTest extends ApiTest {

    @Inject
    TokenGenerator tokens;

    @Test
    void loginReturnsABearerPairThatOpensTheApi() {
        Person camille = employee("Camille");
        Api.Response login = login(camille.email(), PASSWORD);
        assertEquals(200, login.status());
        LoginResponse tokens = login.as(LoginResponse.class);
        assertEquals("Bearer", tokens.tokenType());
        assertEquals(900, tokens.expiresIn());
        Api.Response me = api.get("/api/v1/me", tokens.accessToken());
        assertEquals(200, me.status());
        UserResponse user = me.as(UserResponse.class);
        assertEquals(camille.email(), user.email());
        assertEquals(Role.EMPLOYEE, user.role());
        assertEquals("fr", user.locale());
        // The raw body: no field of the response may even mention the password.
        assertFalse(me.body().contains("password"));
    }

    @Test
    void loginIsCaseInsensitiveOnTheEmail() {
        Person camille = employee("Camille");
        assertEquals(200, login(camille.email().toUpperCase(), PASSWORD).status());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        Person camille = employee("Camille");
        Problem wrong = assertProblem(401, login(camille.email(), "not-the-password-at-all"));
        Problem unknown = assertProblem(401, login("nobody@example.test", "not-the-password-at-all"));
        assertEquals(wrong.detail(), unknown.detail());
    }

    @Test
    void deactivatedAccountCannotLogInNorRefresh() {
        Person admin = admin("Alice");
        Person camille = employee("Camille");
        assertEquals(
                200,
                api.patch("/api/v1/users/" + camille.id(), admin.token(), Map.of("active", false))
                        .status());
        Problem deactivated = assertProblem(401, login(camille.email(), PASSWORD));
        assertEquals("https://guichet.dev/problems/account-deactivated", deactivated.type());
        // A wrong password does not reveal that the account exists, deactivated or not.
        Problem wrong = assertProblem(401, login(camille.email(), "not-the-password-at-all"));
        Problem unknown = assertProblem(401, login("nobody@example.test", "not-the-password-at-all"));
        assertEquals(unknown.type(), wrong.type());
        assertEquals(unknown.detail(), wrong.detail());
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken())));
    }

    @Test
    void refreshRotatesAndTheOldTokenIsRevoked() {
        Person camille = employee("Camille");
        Api.Response rotated = api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken()));
        assertEquals(200, rotated.status(), rotated::toString);
        TokenResponse pair = rotated.as(TokenResponse.class);
        assertNotEquals(camille.refreshToken(), pair.refreshToken());
        assertEquals(200, api.get("/api/v1/me", pair.accessToken()).status());
        // The old one is single-use.
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken())));
    }

    @Test
    void reusingARevokedRefreshTokenRevokesTheWholeSession() {
        Person camille = employee("Camille");
        Api.Response rotated = api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken()));
        String legitimate = rotated.as(TokenResponse.class).refreshToken();
        // An attacker replays the stolen, already rotated token...
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken())));
        // ...and the token issued after it is revoked too.
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(legitimate)));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Person camille = employee("Camille");
        assertEquals(
                204,
                api.post("/api/v1/auth/logout", null, new AuthRequests.Refresh(camille.refreshToken()))
                        .status());
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken())));
    }

    @Test
    void unknownRefreshTokenIs401() {
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh("made-up")));
    }

    @Test
    void passwordChangeRevokesEverySession() {
        Person camille = employee("Camille");
        Api.Response second = login(camille.email(), PASSWORD);
        Api.Response change = api.post(
                "/api/v1/me/password",
                camille.token(),
                new UserRequests.ChangePassword(PASSWORD, "a-brand-new-passphrase"));
        assertEquals(204, change.status(), change::toString);
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken())));
        assertProblem(
                401,
                api.post(
                        "/api/v1/auth/refresh",
                        null,
                        new AuthRequests.Refresh(second.as(LoginResponse.class).refreshToken())));
        assertProblem(401, login(camille.email(), PASSWORD));
        assertEquals(200, login(camille.email(), "a-brand-new-passphrase").status());
    }

    @Test
    void passwordChangeChecksTheCurrentPasswordAndThePolicy() {
        Person camille = employee("Camille");
        Problem wrong = assertProblem(
                400,
                api.post(
                        "/api/v1/me/password",
                        camille.token(),
                        new UserRequests.ChangePassword("wrong-password-here", "a-brand-new-passphrase")));
        assertEquals("current_password", field(wrong));
        Problem weak = assertProblem(
                400,
                api.post(
                        "/api/v1/me/password",
                        camille.token(),
                        new UserRequests.ChangePassword(PASSWORD, "azertyuiop")));
        assertEquals("new_password", field(weak));
        Problem email = assertProblem(
                400,
                api.post(
                        "/api/v1/me/password",
                        camille.token(),
                        new UserRequests.ChangePassword(PASSWORD, camille.email())));
        assertEquals("new_password", field(email));
    }

    @Test
    void missingTamperedOrForeignTokensAre401() throws Exception {
        Person camille = employee("Camille");
        assertProblem(401, api.get("/api/v1/me", null));
        assertProblem(401, api.get("/api/v1/me", "not-a-jwt"));
        String[] parts = camille.token().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("EMPLOYEE", "ADMIN").getBytes())
                + "." + parts[2];
        assertProblem(401, api.get("/api/v1/users", forged));
        String otherSecret = signed(
                JWTClaimsSet.parse(Map.of(
                        "sub",
                        String.valueOf(camille.id()),
                        "roles",
                        List.of("ADMIN"),
                        "exp",
                        Instant.now().plusSeconds(600).getEpochSecond())),
                "another-secret-of-at-least-thirty-two-bytes!!");
        assertProblem(401, api.get("/api/v1/users", otherSecret));
    }

    @Test
    void expiredAccessTokenIs401() throws Exception {
        Person camille = employee("Camille");
        String expired = tokens.generateToken(Map.of(
                        "sub",
                        String.valueOf(camille.id()),
                        "roles",
                        List.of("EMPLOYEE"),
                        "exp",
                        Date.from(Instant.now().minusSeconds(60)),
                        "iat",
                        Date.from(Instant.now().minusSeconds(960))))
                .orElseThrow();
        assertProblem(401, api.get("/api/v1/me", expired));
    }

    private static String signed(JWTClaimsSet claims, String secret) {
        try {
            SecretSignatureConfiguration config = new SecretSignatureConfiguration("other");
            config.setSecret(secret);
            config.setJwsAlgorithm(JWSAlgorithm.HS256);
            return new SecretSignature(config).sign(claims).serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String field(Problem problem) {
        return problem.errors().getFirst().field();
    }
}
