package dev.guichet.auth;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuthControllerTest extends ApiTest {

    @Inject
    TokenGenerator tokens;

    @Test
    void loginReturnsABearerPairThatOpensTheApi() {
        Person camille = employee("Camille");
        Api.Response login = login(camille.email(), PASSWORD);
        assertEquals(200, login.status());
        assertEquals("Bearer", login.get("token_type"));
        assertEquals(900, ((Number) login.get("expires_in")).intValue());
        Api.Response me = api.get("/api/v1/me", (String) login.get("access_token"));
        assertEquals(200, me.status());
        assertEquals(camille.email(), me.get("email"));
        assertEquals("EMPLOYEE", me.get("role"));
        assertEquals("fr", me.get("locale"));
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
        Map<String, Object> wrong = assertProblem(401, login(camille.email(), "not-the-password-at-all"));
        Map<String, Object> unknown = assertProblem(401, login("nobody@example.test", "not-the-password-at-all"));
        assertEquals(wrong.get("detail"), unknown.get("detail"));
    }

    @Test
    void deactivatedAccountCannotLogInNorRefresh() {
        Person admin = admin("Alice");
        Person camille = employee("Camille");
        assertEquals(200, api.patch("/api/v1/users/" + camille.id(), admin.token(), Map.of("active", false)).status());
        Map<String, Object> deactivated = assertProblem(401, login(camille.email(), PASSWORD));
        assertEquals("https://guichet.dev/problems/account-deactivated", deactivated.get("type"));
        // A wrong password does not reveal that the account exists, deactivated or not.
        Map<String, Object> wrong = assertProblem(401, login(camille.email(), "not-the-password-at-all"));
        Map<String, Object> unknown = assertProblem(401, login("nobody@example.test", "not-the-password-at-all"));
        assertEquals(unknown.get("type"), wrong.get("type"));
        assertEquals(unknown.get("detail"), wrong.get("detail"));
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", camille.refreshToken())));
    }

    @Test
    void refreshRotatesAndTheOldTokenIsRevoked() {
        Person camille = employee("Camille");
        Api.Response rotated = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", camille.refreshToken()));
        assertEquals(200, rotated.status(), rotated::toString);
        String next = (String) rotated.get("refresh_token");
        assertNotEquals(camille.refreshToken(), next);
        assertEquals(200, api.get("/api/v1/me", (String) rotated.get("access_token")).status());
        // The old one is single-use.
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", camille.refreshToken())));
    }

    @Test
    void reusingARevokedRefreshTokenRevokesTheWholeSession() {
        Person camille = employee("Camille");
        Api.Response rotated = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", camille.refreshToken()));
        String legitimate = (String) rotated.get("refresh_token");
        // An attacker replays the stolen, already rotated token...
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", camille.refreshToken())));
        // ...and the token issued after it is revoked too.
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", legitimate)));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Person camille = employee("Camille");
        assertEquals(204, api.post("/api/v1/auth/logout", null, Map.of("refresh_token", camille.refreshToken())).status());
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", camille.refreshToken())));
    }

    @Test
    void unknownRefreshTokenIs401() {
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", "made-up")));
    }

    @Test
    void passwordChangeRevokesEverySession() {
        Person camille = employee("Camille");
        Api.Response second = login(camille.email(), PASSWORD);
        Api.Response change = api.post("/api/v1/me/password", camille.token(),
                Map.of("current_password", PASSWORD, "new_password", "a-brand-new-passphrase"));
        assertEquals(204, change.status(), change::toString);
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", camille.refreshToken())));
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", second.get("refresh_token"))));
        assertProblem(401, login(camille.email(), PASSWORD));
        assertEquals(200, login(camille.email(), "a-brand-new-passphrase").status());
    }

    @Test
    void passwordChangeChecksTheCurrentPasswordAndThePolicy() {
        Person camille = employee("Camille");
        Map<String, Object> wrong = assertProblem(400, api.post("/api/v1/me/password", camille.token(),
                Map.of("current_password", "wrong-password-here", "new_password", "a-brand-new-passphrase")));
        assertEquals("current_password", field(wrong));
        Map<String, Object> weak = assertProblem(400, api.post("/api/v1/me/password", camille.token(),
                Map.of("current_password", PASSWORD, "new_password", "azertyuiop")));
        assertEquals("new_password", field(weak));
        Map<String, Object> email = assertProblem(400, api.post("/api/v1/me/password", camille.token(),
                Map.of("current_password", PASSWORD, "new_password", camille.email())));
        assertEquals("new_password", field(email));
    }

    @Test
    void missingTamperedOrForeignTokensAre401() throws Exception {
        Person camille = employee("Camille");
        assertProblem(401, api.get("/api/v1/me", null));
        assertProblem(401, api.get("/api/v1/me", "not-a-jwt"));
        String[] parts = camille.token().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("EMPLOYEE", "ADMIN").getBytes()) + "." + parts[2];
        assertProblem(401, api.get("/api/v1/users", forged));
        String otherSecret = signed(JWTClaimsSet.parse(Map.of("sub", String.valueOf(camille.id()), "roles", List.of("ADMIN"),
                "exp", Instant.now().plusSeconds(600).getEpochSecond())), "another-secret-of-at-least-thirty-two-bytes!!");
        assertProblem(401, api.get("/api/v1/users", otherSecret));
    }

    @Test
    void expiredAccessTokenIs401() throws Exception {
        Person camille = employee("Camille");
        String expired = tokens.generateToken(Map.of("sub", String.valueOf(camille.id()), "roles", List.of("EMPLOYEE"),
                "exp", Date.from(Instant.now().minusSeconds(60)), "iat", Date.from(Instant.now().minusSeconds(960)))).orElseThrow();
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

    @SuppressWarnings("unchecked")
    static String field(Map<String, Object> problem) {
        return (String) ((List<Map<String, Object>>) problem.get("errors")).getFirst().get("field");
    }
}
