package dev.guichet.auth.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.LoginResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
    private Map.Entry<String, List<String>> enrol(Person who) {
        Api.Response setup = api.post("/api/v1/me/two-factor/setup", who.token(), null);
        assertEquals(200, setup.status(), setup::toString);
        TwoFactorService.Setup started = setup.as(TwoFactorService.Setup.class);
        String secret = started.secret();
        assertTrue(started.qrCode().startsWith("data:image/png;base64,"));
        assertTrue(started.otpauthUri().startsWith("otpauth://totp/"));
        Api.Response confirmed =
                api.post("/api/v1/me/two-factor/confirm", who.token(), new TwoFactorController.Code(code(secret, 0)));
        assertEquals(200, confirmed.status(), confirmed::toString);
        return Map.entry(
                secret, confirmed.as(TwoFactorController.RecoveryCodes.class).recoveryCodes());
    }

    /** Logs in with the password alone and returns the challenge of the second step. */
    private String challenge(Person who) {
        return login(who.email(), PASSWORD).as(LoginResponse.class).challengeToken();
    }

    @Test
    void anAdminWithTwoFactorGetsNoTokenForThePasswordAloneAndSignsInWithTheCode() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();

        Api.Response response = login(alice.email(), PASSWORD);
        assertEquals(200, response.status(), response::toString);
        LoginResponse first = response.as(LoginResponse.class);
        assertNull(first.accessToken());
        assertNull(first.refreshToken());
        assertEquals("TOTP", first.secondFactor());
        String challenge = first.challengeToken();
        // The challenge is not an access token.
        assertProblem(401, api.get("/api/v1/me", challenge));

        Api.Response second = api.post(
                "/api/v1/auth/login/two-factor", null, new AuthRequests.SecondFactor(challenge, code(secret, 1)));
        assertEquals(200, second.status(), second::toString);
        LoginResponse tokens = second.as(LoginResponse.class);
        assertEquals(200, api.get("/api/v1/me", tokens.accessToken()).status());
        assertEquals(
                200,
                api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(tokens.refreshToken()))
                        .status());
        // The challenge is spent.
        assertEquals(
                "https://guichet.dev/problems/challenge-expired",
                assertProblem(
                                401,
                                api.post(
                                        "/api/v1/auth/login/two-factor",
                                        null,
                                        new AuthRequests.SecondFactor(challenge, code(secret, 1))))
                        .type());
    }

    @Test
    void aCodeAlreadyUsedIsRefusedWithinItsWindow() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();
        String next = code(secret, 1);
        Api.Response used =
                api.post("/api/v1/auth/login/two-factor", null, new AuthRequests.SecondFactor(challenge(alice), next));
        assertEquals(200, used.status(), used::toString);

        Api.Response replay =
                api.post("/api/v1/auth/login/two-factor", null, new AuthRequests.SecondFactor(challenge(alice), next));

        assertEquals(
                "https://guichet.dev/problems/invalid-two-factor-code",
                assertProblem(401, replay).type());
        // The raw body: a refused code must not carry a token under any shape.
        assertNull(replay.map().get("access_token"));
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() {
        Person alice = admin("Alice");
        List<String> recovery = enrol(alice).getValue();
        assertEquals(10, recovery.size());
        assertEquals(
                0L, count("SELECT count(*) FROM totp_recovery_codes WHERE code_hash = '" + recovery.getFirst() + "'"));

        Api.Response used = api.post(
                "/api/v1/auth/login/two-factor",
                null,
                new AuthRequests.SecondFactor(challenge(alice), recovery.getFirst()));
        assertEquals(200, used.status(), used::toString);
        assertProblem(
                401,
                api.post(
                        "/api/v1/auth/login/two-factor",
                        null,
                        new AuthRequests.SecondFactor(challenge(alice), recovery.getFirst())));
        assertEquals(
                9,
                api.get("/api/v1/me/two-factor", alice.token())
                        .as(TwoFactorService.Status.class)
                        .recoveryCodesRemaining());
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();
        String challenge = challenge(alice);
        Api.Response last = null;
        for (int i = 0; i < 11; i++) {
            last = api.post("/api/v1/auth/login/two-factor", null, new AuthRequests.SecondFactor(challenge, "000000"));
        }
        assertEquals(
                "https://guichet.dev/problems/account-locked",
                assertProblem(429, last).type());
        // Even the right code is refused while the account is locked.
        assertEquals(
                429,
                api.post(
                                "/api/v1/auth/login/two-factor",
                                null,
                                new AuthRequests.SecondFactor(challenge, code(secret, 1)))
                        .status());
    }

    @Test
    void whenAdminsRequireTwoFactorAnAdminMustEnrolBeforeGettingTokens() {
        Person root = admin("Root");
        Person camille = employee("Camille");
        assertProblem(
                403,
                api.send(
                        "PUT",
                        "/api/v1/settings/security",
                        camille.token(),
                        new SecuritySettingsController.Settings(Set.of(Role.EMPLOYEE))));
        Api.Response saved = api.send(
                "PUT",
                "/api/v1/settings/security",
                root.token(),
                new SecuritySettingsController.Settings(Set.of(Role.ADMIN)));
        assertEquals(200, saved.status(), saved::toString);
        users.create(new UserRequests.CreateUser("bob@example.test", "Bob", PASSWORD, Role.ADMIN, "fr"));

        LoginResponse first = login("bob@example.test", PASSWORD).as(LoginResponse.class);
        assertEquals("TOTP_ENROLMENT", first.secondFactor());
        assertNull(first.accessToken());
        // An employee is not concerned.
        assertNotNull(login(camille.email(), PASSWORD).as(LoginResponse.class).accessToken());

        String challenge = first.challengeToken();
        Api.Response setup =
                api.post("/api/v1/auth/login/two-factor/setup", null, new AuthRequests.Challenge(challenge));
        assertEquals(200, setup.status(), setup::toString);
        String secret = setup.as(TwoFactorService.Setup.class).secret();
        assertProblem(
                400,
                api.post(
                        "/api/v1/auth/login/two-factor/confirm",
                        null,
                        new AuthRequests.SecondFactor(
                                challenge, "123456".equals(code(secret, 0)) ? "654321" : "123456")));
        Api.Response done = api.post(
                "/api/v1/auth/login/two-factor/confirm",
                null,
                new AuthRequests.SecondFactor(challenge, code(secret, 0)));
        assertEquals(200, done.status(), done::toString);
        LoginResponse enrolled = done.as(LoginResponse.class);
        assertNotNull(enrolled.accessToken());
        assertEquals(10, enrolled.recoveryCodes().size());

        LoginResponse again = login("bob@example.test", PASSWORD).as(LoginResponse.class);
        assertEquals("TOTP", again.secondFactor());
        // Required by the role: it cannot be turned off.
        assertEquals(
                "https://guichet.dev/problems/two-factor-required",
                assertProblem(
                                409,
                                api.post(
                                        "/api/v1/me/two-factor/disable",
                                        enrolled.accessToken(),
                                        new TwoFactorController.Disable(PASSWORD, code(secret, 1))))
                        .type());
    }

    @Test
    void turningTwoFactorOffNeedsThePasswordAndACode() {
        Person alice = admin("Alice");
        String secret = enrol(alice).getKey();
        assertEquals(
                "https://guichet.dev/problems/invalid-password",
                assertProblem(
                                400,
                                api.post(
                                        "/api/v1/me/two-factor/disable",
                                        alice.token(),
                                        new TwoFactorController.Disable("wrong-password-123", code(secret, 1))))
                        .type());

        // Turning it on did not end the session; turning it off does.
        Api.Response off = api.post(
                "/api/v1/me/two-factor/disable",
                alice.token(),
                new TwoFactorController.Disable(PASSWORD, code(secret, 1)));
        assertEquals(204, off.status(), off::toString);

        String token = login(alice.email(), PASSWORD).as(LoginResponse.class).accessToken();
        assertNotNull(token);
        assertEquals(
                false,
                api.get("/api/v1/me/two-factor", token)
                        .as(TwoFactorService.Status.class)
                        .enabled());
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
