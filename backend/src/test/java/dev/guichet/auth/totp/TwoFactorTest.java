package dev.guichet.auth.totp;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-factor authentication (TOTP, RFC 6238) for local accounts: an admin protected by TOTP cannot be
 * signed in with the password alone. Codes are computed here with the same library, for the current
 * time step and the next (accepted as clock drift), so a test never waits for a new step.
 */
class TwoFactorTest extends ApiTest {

    private static String code(String secret, long stepOffset) {
        try {
            long step = Instant.now().getEpochSecond() / 30 + stepOffset;
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enrols from the profile page; returns the secret and the recovery codes. */
    @SuppressWarnings("unchecked")
    private Map.Entry<String, List<String>> enrol(Person who) {
        Api.Response setup = api.post("/api/v1/me/two-factor/setup", who.token(), null);
        assertEquals(200, setup.status(), setup::toString);
        String secret = (String) setup.get("secret");
        assertTrue(((String) setup.get("qr_code")).startsWith("data:image/png;base64,"));
        assertTrue(((String) setup.get("otpauth_uri")).startsWith("otpauth://totp/"));
        Api.Response confirmed = api.post("/api/v1/me/two-factor/confirm", who.token(), Map.of("code", code(secret, 0)));
        assertEquals(200, confirmed.status(), confirmed::toString);
        return Map.entry(secret, (List<String>) confirmed.get("recovery_codes"));
    }

    @Test
    void anAdminWithTwoFactorGetsNoTokenForThePasswordAloneAndSignsInWithTheCode() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();

        Api.Response first = login(alice.email(), PASSWORD);
        assertEquals(200, first.status(), first::toString);
        assertNull(first.get("access_token"));
        assertNull(first.get("refresh_token"));
        assertEquals("TOTP", first.get("second_factor"));
        String challenge = (String) first.get("challenge_token");
        // The challenge is not an access token.
        assertProblem(401, api.get("/api/v1/me", challenge));

        Api.Response second = api.post("/api/v1/auth/login/two-factor", null,
                Map.of("challenge_token", challenge, "code", code(secret, 1)));
        assertEquals(200, second.status(), second::toString);
        assertEquals(200, api.get("/api/v1/me", (String) second.get("access_token")).status());
        assertEquals(200, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", second.get("refresh_token"))).status());
        // The challenge is spent.
        assertEquals("https://guichet.dev/problems/challenge-expired", assertProblem(401, api.post("/api/v1/auth/login/two-factor", null,
                Map.of("challenge_token", challenge, "code", code(secret, 1)))).get("type"));
    }

    @Test
    void aCodeAlreadyUsedIsRefusedWithinItsWindow() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();
        String next = code(secret, 1);
        Api.Response used = api.post("/api/v1/auth/login/two-factor", null,
                Map.of("challenge_token", login(alice.email(), PASSWORD).get("challenge_token"), "code", next));
        assertEquals(200, used.status(), used::toString);

        Api.Response replay = api.post("/api/v1/auth/login/two-factor", null,
                Map.of("challenge_token", login(alice.email(), PASSWORD).get("challenge_token"), "code", next));

        assertEquals("https://guichet.dev/problems/invalid-two-factor-code", assertProblem(401, replay).get("type"));
        assertNull(replay.get("access_token"));
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() {
        Person alice = admin("Alice");
        List<String> recovery = enrol(alice).getValue();
        assertEquals(10, recovery.size());
        assertEquals(0L, count("SELECT count(*) FROM totp_recovery_codes WHERE code_hash = '" + recovery.getFirst() + "'"));

        Api.Response used = api.post("/api/v1/auth/login/two-factor", null,
                Map.of("challenge_token", login(alice.email(), PASSWORD).get("challenge_token"), "code", recovery.getFirst()));
        assertEquals(200, used.status(), used::toString);
        assertProblem(401, api.post("/api/v1/auth/login/two-factor", null,
                Map.of("challenge_token", login(alice.email(), PASSWORD).get("challenge_token"), "code", recovery.getFirst())));
        assertEquals(9, ((Number) api.get("/api/v1/me/two-factor", alice.token()).get("recovery_codes_remaining")).intValue());
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();
        String challenge = (String) login(alice.email(), PASSWORD).get("challenge_token");
        Api.Response last = null;
        for (int i = 0; i < 11; i++) {
            last = api.post("/api/v1/auth/login/two-factor", null, Map.of("challenge_token", challenge, "code", "000000"));
        }
        assertEquals("https://guichet.dev/problems/account-locked", assertProblem(429, last).get("type"));
        // Even the right code is refused while the account is locked.
        assertEquals(429, api.post("/api/v1/auth/login/two-factor", null,
                Map.of("challenge_token", challenge, "code", code(secret, 1))).status());
    }

    @Test
    void whenAdminsRequireTwoFactorAnAdminMustEnrolBeforeGettingTokens() {
        Person root = admin("Root");
        Person camille = employee("Camille");
        assertProblem(403, api.send("PUT", "/api/v1/settings/security", camille.token(),
                Map.of("two_factor_required_roles", List.of("EMPLOYEE"))));
        Api.Response saved = api.send("PUT", "/api/v1/settings/security", root.token(),
                Map.of("two_factor_required_roles", List.of("ADMIN")));
        assertEquals(200, saved.status(), saved::toString);
        users.create(new UserRequests.CreateUser("bob@example.test", "Bob", PASSWORD, Role.ADMIN, "fr"));

        Api.Response first = login("bob@example.test", PASSWORD);
        assertEquals("TOTP_ENROLMENT", first.get("second_factor"));
        assertNull(first.get("access_token"));
        // An employee is not concerned.
        assertNotNull(login(camille.email(), PASSWORD).get("access_token"));

        String challenge = (String) first.get("challenge_token");
        Api.Response setup = api.post("/api/v1/auth/login/two-factor/setup", null, Map.of("challenge_token", challenge));
        assertEquals(200, setup.status(), setup::toString);
        String secret = (String) setup.get("secret");
        assertProblem(400, api.post("/api/v1/auth/login/two-factor/confirm", null,
                Map.of("challenge_token", challenge, "code", "123456".equals(code(secret, 0)) ? "654321" : "123456")));
        Api.Response done = api.post("/api/v1/auth/login/two-factor/confirm", null,
                Map.of("challenge_token", challenge, "code", code(secret, 0)));
        assertEquals(200, done.status(), done::toString);
        assertNotNull(done.get("access_token"));
        assertEquals(10, ((List<?>) done.get("recovery_codes")).size());

        Api.Response again = login("bob@example.test", PASSWORD);
        assertEquals("TOTP", again.get("second_factor"));
        // Required by the role: it cannot be turned off.
        assertEquals("https://guichet.dev/problems/two-factor-required", assertProblem(409,
                api.post("/api/v1/me/two-factor/disable", (String) done.get("access_token"),
                        Map.of("password", PASSWORD, "code", code(secret, 1)))).get("type"));
    }

    @Test
    void turningTwoFactorOffNeedsThePasswordAndACode() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();
        assertEquals("https://guichet.dev/problems/invalid-password", assertProblem(400,
                api.post("/api/v1/me/two-factor/disable", alice.token(), Map.of("password", "wrong-password-123", "code", code(secret, 1)))).get("type"));

        // Turning it on did not end the session; turning it off does.
        Api.Response off = api.post("/api/v1/me/two-factor/disable", alice.token(), Map.of("password", PASSWORD, "code", code(secret, 1)));
        assertEquals(204, off.status(), off::toString);

        assertNotNull(login(alice.email(), PASSWORD).get("access_token"));
        assertEquals(false, api.get("/api/v1/me/two-factor", (String) login(alice.email(), PASSWORD).get("access_token")).get("enabled"));
    }

    private long count(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
