package dev.guichet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.ticket.TicketRequests;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access tokens stand for the account as it is now, not as it was when they were issued. */
class AccountStateTest extends ApiTest {

    @Test
    void aDemotedAndDeactivatedAdminsEarlierTokenCannotRestoreItselfNorCreateAnAdmin() {
        Person alice = admin("Alice");
        Person mallory = admin("Mallory");
        Api.Response demoted =
                api.patch("/api/v1/users/" + mallory.id(), alice.token(), Map.of("role", "EMPLOYEE", "active", false));
        assertEquals(200, demoted.status(), demoted::toString);

        assertProblem(
                401,
                api.patch("/api/v1/users/" + mallory.id(), mallory.token(), Map.of("role", "ADMIN", "active", true)));
        assertProblem(
                401,
                api.post(
                        "/api/v1/users",
                        mallory.token(),
                        Map.of(
                                "email",
                                "eve@example.test",
                                "full_name",
                                "Eve",
                                "password",
                                PASSWORD,
                                "role",
                                "ADMIN")));
        UserResponse stored =
                api.get("/api/v1/users/" + mallory.id(), alice.token()).as(UserResponse.class);
        assertEquals(List.of(false, Role.EMPLOYEE), List.of(stored.active(), stored.role()));
        assertEquals(1L, count("SELECT count(*) FROM users WHERE email = 'eve@example.test' OR role = 'ADMIN'"));
    }

    @Test
    void aDeactivatedEmployeesTokenNoLongerFilesTickets() {
        Person alice = admin("Alice");
        Person camille = employee("Camille");
        assertEquals(
                200,
                api.patch("/api/v1/users/" + camille.id(), alice.token(), Map.of("active", false))
                        .status());

        assertProblem(
                401,
                api.post(
                        "/api/v1/tickets",
                        camille.token(),
                        new TicketRequests.CreateTicket("Écran noir", "Plus rien ne s'affiche", null, null)));
        assertEquals(0L, count("SELECT count(*) FROM tickets"));
    }

    @Test
    void aTechnicianDemotedToEmployeeNoLongerReadsInternalNotes() {
        Person alice = admin("Alice");
        Person camille = employee("Camille");
        Person theo = technician("Theo");
        long id = ticket(camille, "VPN", "Le VPN ne se connecte plus");
        assertEquals(
                201,
                api.post(
                                "/api/v1/tickets/" + id + "/comments",
                                alice.token(),
                                new CommentController.CreateComment("Note interne : compte bloqué côté AD", true, null))
                        .status());
        assertEquals(
                200,
                api.patch("/api/v1/users/" + theo.id(), alice.token(), Map.of("role", "EMPLOYEE"))
                        .status());

        Api.Response comments = api.get("/api/v1/tickets/" + id + "/comments", theo.token());

        assertProblem(401, comments);
        assertEquals(false, comments.body().contains("compte bloqué"));
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAccessTokens() {
        Person camille = employee("Camille");
        String otherSession =
                login(camille.email(), PASSWORD).as(LoginResponse.class).accessToken();
        assertEquals(200, api.get("/api/v1/me", otherSession).status());

        assertEquals(
                204,
                api.post(
                                "/api/v1/me/password",
                                camille.token(),
                                new UserRequests.ChangePassword(PASSWORD, "another-long-passphrase-2026"))
                        .status());

        assertProblem(401, api.get("/api/v1/me", otherSession));
        assertProblem(401, api.get("/api/v1/me", camille.token()));
        assertEquals(200, login(camille.email(), "another-long-passphrase-2026").status());
    }

    @Test
    void logOutEverywhereEndsEveryAccessAndRefreshTokenOfTheCallerOnly() {
        Person camille = employee("Camille");
        Person bob = employee("Bob");
        LoginResponse laptop = login(camille.email(), PASSWORD).as(LoginResponse.class);

        assertEquals(
                204, api.post("/api/v1/auth/logout-all", camille.token(), null).status());

        assertProblem(401, api.get("/api/v1/me", camille.token()));
        assertProblem(401, api.get("/api/v1/me", laptop.accessToken()));
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(camille.refreshToken())));
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(laptop.refreshToken())));
        assertEquals(200, api.get("/api/v1/me", bob.token()).status());
        // A new login works again.
        LoginResponse again = login(camille.email(), PASSWORD).as(LoginResponse.class);
        assertEquals(200, api.get("/api/v1/me", again.accessToken()).status());
    }

    @Test
    void logOutEverywhereNeedsAToken() {
        assertProblem(401, api.post("/api/v1/auth/logout-all", null, null));
    }

    @Test
    void aPromotionTakesEffectWithTheNextLoginAndTheRoleComesFromTheDatabase() {
        Person alice = admin("Alice");
        Person theo = technician("Theo");
        assertEquals(
                200,
                api.patch("/api/v1/users/" + theo.id(), alice.token(), Map.of("role", "ADMIN"))
                        .status());
        assertProblem(401, api.get("/api/v1/users", theo.token()));

        String fresh = login(theo.email(), PASSWORD).as(LoginResponse.class).accessToken();

        assertEquals(200, api.get("/api/v1/users", fresh).status());
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
