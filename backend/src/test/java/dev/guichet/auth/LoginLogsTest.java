package dev.guichet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged while people log in, fail, refresh and log out, with Guichet's own
 * code at its most verbose and everything else at the levels production allows (INFO), and checks
 * that no password or token is in it.
 */
class LoginLogsTest extends ApiTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger guichet = (Logger) LoggerFactory.getLogger("dev.guichet");
    private Level rootLevel;
    private Level guichetLevel;

    @BeforeEach
    void capture() {
        rootLevel = root.getLevel();
        guichetLevel = guichet.getLevel();
        root.setLevel(Level.INFO);
        guichet.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        guichet.setLevel(guichetLevel);
    }

    @Test
    void noPasswordNorTokenReachesTheLogs() {
        String wrongPassword = "Wrong-Passphrase-4711";
        Person camille = employee("Camille");
        assertProblem(401, login(camille.email(), wrongPassword));
        assertProblem(401, login("nobody@example.test", wrongPassword));
        LoginResponse second = login(camille.email(), PASSWORD).as(LoginResponse.class);
        String refresh = second.refreshToken();
        Api.Response refreshed = api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(refresh));
        assertEquals(200, refreshed.status());
        TokenResponse rotated = refreshed.as(TokenResponse.class);
        // Replaying the rotated token is logged as theft: with the user id, not the token.
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(refresh)));
        api.post("/api/v1/auth/logout", null, new AuthRequests.Refresh(camille.refreshToken()));

        List<String> lines = captured.list.stream()
                .map(e -> e.getFormattedMessage() + " "
                        + (e.getThrowableProxy() == null
                                ? ""
                                : e.getThrowableProxy().getMessage()))
                .toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("Failed login")), () -> "nothing captured: " + lines);
        List<String> secrets = List.of(
                PASSWORD,
                wrongPassword,
                camille.token(),
                camille.refreshToken(),
                second.accessToken(),
                refresh,
                rotated.accessToken(),
                rotated.refreshToken());
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), () -> "a secret was logged: " + line);
            }
        }
    }
}
