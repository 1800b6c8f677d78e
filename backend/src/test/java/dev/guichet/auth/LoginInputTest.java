package dev.guichet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.support.ApiTest;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserResponse;
import dev.guichet.web.Problem;
import io.micronaut.context.annotation.Property;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An email address is normalized once, the same way for login, lockout and accounts. */
@Property(name = "guichet.rate-limits.login-max-failures", value = "3")
@Property(name = "guichet.rate-limits.login-lockout", value = "1h")
@Property(name = "guichet.rate-limits.login-ip-limit", value = "100")
class LoginInputTest extends ApiTest {

    @Test
    void controlCharactersInTheLoginEmailAreRefusedAndDoNotBypassTheLock() {
        Person camille = employee("Camille");
        for (int i = 0; i < 3; i++) {
            assertProblem(401, login(camille.email(), "wrong-password-" + i));
        }
        assertProblem(429, login(camille.email(), PASSWORD));

        for (char c = '\u0000'; c <= '\u0011'; c++) {
            Problem problem = assertProblem(400, login(camille.email() + c, PASSWORD));
            assertEquals("email", problem.errors().getFirst().field());
        }
        assertProblem(400, login("\u0001" + camille.email(), PASSWORD));
        assertProblem(400, login(camille.email() + "\u0085", PASSWORD));
    }

    @Test
    void otherSpellingsOfALockedAccountAreLockedToo() {
        Person camille = employee("Camille");
        for (int i = 0; i < 3; i++) {
            assertProblem(401, login(camille.email(), "wrong-password-" + i));
        }
        for (String spelling :
                List.of("  " + camille.email() + " ", camille.email().toUpperCase(), camille.email() + "\u2003")) {
            assertEquals(
                    "https://guichet.dev/problems/account-locked",
                    assertProblem(429, login(spelling, PASSWORD)).type(),
                    spelling);
        }
    }

    @Test
    void anAccountCreatedWithADecomposedAccentLogsInWithTheComposedOne() {
        Person alice = admin("Alice");
        // "é" as e + U+0301 (NFD) when created, as U+00E9 (NFC) when logging in.
        assertEquals(
                201,
                api.post(
                                "/api/v1/users",
                                alice.token(),
                                new UserRequests.CreateUser(
                                        "Rene\u0301@Example.test", "René", PASSWORD, Role.EMPLOYEE, null))
                        .status());

        assertEquals(200, login("ren\u00e9@example.test", PASSWORD).status());
        assertEquals(
                1,
                api.get("/api/v1/users?q=REN\u00c9", alice.token())
                        .page(UserResponse.class)
                        .items()
                        .size());
    }

    @Test
    void controlCharactersInANewAccountAreRefused() {
        Person alice = admin("Alice");
        assertProblem(
                400,
                api.post(
                        "/api/v1/users",
                        alice.token(),
                        Map.of(
                                "email",
                                "eve\u0000@example.test",
                                "full_name",
                                "Eve",
                                "password",
                                PASSWORD,
                                "role",
                                "EMPLOYEE")));
        Problem problem = assertProblem(
                400,
                api.post(
                        "/api/v1/users",
                        alice.token(),
                        Map.of(
                                "email",
                                "eve@example.test",
                                "full_name",
                                "E\u0000ve",
                                "password",
                                PASSWORD,
                                "role",
                                "EMPLOYEE")));
        assertEquals("full_name", problem.errors().getFirst().field());
    }
}
