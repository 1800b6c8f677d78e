package dev.guichet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import io.micronaut.context.annotation.Property;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Windows of seconds, so a lockout and its end fit in a test.
@Property(name = "guichet.rate-limits.login-max-failures", value = "3")
@Property(name = "guichet.rate-limits.login-lockout", value = "3s")
@Property(name = "guichet.rate-limits.login-ip-limit", value = "6")
@Property(name = "guichet.rate-limits.login-ip-window", value = "1h")
class LoginThrottleTest extends ApiTest {

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPasswordUntilTheWindowEnds() throws InterruptedException {
        Person camille = employee("Camille");
        Person bob = employee("Bob");
        for (int i = 0; i < 3; i++) {
            assertProblem(401, login(camille.email(), "wrong-password-" + i));
        }

        Api.Response locked = login(camille.email(), PASSWORD);

        Problem problem = assertProblem(429, locked);
        assertEquals("https://guichet.dev/problems/account-locked", problem.type());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, () -> "Retry-After " + retryAfter);
        // Other accounts are not affected.
        assertEquals(200, login(bob.email(), PASSWORD).status());

        Thread.sleep(retryAfter * 1000 + 300);
        assertEquals(200, login(camille.email(), PASSWORD).status());
    }

    @Test
    void aSuccessfulLoginClearsTheFailureCount() {
        Person camille = employee("Camille");
        assertProblem(401, login(camille.email(), "wrong-password-1"));
        assertProblem(401, login(camille.email(), "wrong-password-2"));
        assertEquals(200, login(camille.email(), PASSWORD).status());
        assertProblem(401, login(camille.email(), "wrong-password-3"));
        assertProblem(401, login(camille.email(), "wrong-password-4"));
        assertEquals(200, login(camille.email(), PASSWORD).status());
    }

    @Test
    void unknownEmailsAreCountedLikeRealOnes() {
        for (int i = 0; i < 3; i++) {
            assertProblem(401, login("nobody@example.test", "wrong-password"));
        }
        assertEquals(
                "https://guichet.dev/problems/account-locked",
                assertProblem(429, login("nobody@example.test", "wrong-password"))
                        .type());
    }

    @Test
    void oneAddressSprayingManyAccountsIsRateLimited() {
        for (int i = 0; i < 6; i++) {
            assertProblem(401, login("victim" + i + "@example.test", "Summer2026!"));
        }
        Api.Response limited = login("victim6@example.test", "Summer2026!");
        assertEquals(
                "https://guichet.dev/problems/rate-limited",
                assertProblem(429, limited).type());
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedClientDoesNotResetTheAddressLimit() {
        for (int i = 0; i < 6; i++) {
            assertProblem(401, loginFrom("198.51.100." + i, "victim" + i + "@example.test"));
        }
        assertProblem(429, loginFrom("198.51.100.99", "victim7@example.test"));
    }

    private Api.Response loginFrom(String forwardedFor, String email) {
        return api.send(
                "POST",
                "/api/v1/auth/login",
                null,
                new AuthRequests.Login(email, "Summer2026!"),
                Map.of("X-Forwarded-For", forwardedFor));
    }
}
