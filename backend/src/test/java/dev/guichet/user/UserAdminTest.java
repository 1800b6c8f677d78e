package dev.guichet.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.LoginResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.PageResponse;
import dev.guichet.web.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAdminTest extends ApiTest {

    Person alice;

    @BeforeEach
    void admin() {
        alice = admin("Alice");
    }

    /** A map rather than {@link UserRequests.CreateUser}: one test sends a role that does not exist. */
    Api.Response create(String email, String password, String role) {
        return api.post(
                "/api/v1/users",
                alice.token(),
                Map.of("email", email, "full_name", "Zoé Lefèvre", "password", password, "role", role));
    }

    @Test
    void anAdminCreatesAnAccountThatCanLogIn() {
        Api.Response created = create("Zoe.Lefevre@Example.test", "un-mot-de-passe-solide", "TECHNICIAN");
        assertEquals(201, created.status(), created::toString);
        UserResponse user = created.as(UserResponse.class);
        assertEquals("zoe.lefevre@example.test", user.email());
        assertEquals(Role.TECHNICIAN, user.role());
        // The raw body: no field of the response may even mention the password.
        assertFalse(created.body().contains("password"));
        assertEquals(
                200, login("zoe.lefevre@example.test", "un-mot-de-passe-solide").status());
    }

    @Test
    void duplicateEmailsAreRefused() {
        create("zoe@example.test", "un-mot-de-passe-solide", "EMPLOYEE");
        assertProblem(409, create("ZOE@example.test", "un-autre-mot-de-passe", "EMPLOYEE"));
    }

    @Test
    void weakPasswordsAndBadEmailsAreRefusedWithTheFieldNamed() {
        for (String weak : List.of("court", "motdepasse123", "zoe@example.test")) {
            Problem problem = assertProblem(400, create("zoe@example.test", weak, "EMPLOYEE"));
            assertEquals("password", problem.errors().getFirst().field());
        }
        assertProblem(400, create("not-an-email", "un-mot-de-passe-solide", "EMPLOYEE"));
        assertProblem(400, create("zoe@example.test", "un-mot-de-passe-solide", "SUPERUSER"));
    }

    @Test
    void deactivationAndRoleChangesEndSessions() {
        Person ines = technician("Ines");
        Api.Response demoted = api.patch(
                "/api/v1/users/" + ines.id(),
                alice.token(),
                new UserRequests.UpdateUser(null, Role.EMPLOYEE, null, null, null));
        assertEquals(Role.EMPLOYEE, demoted.as(UserResponse.class).role());
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(ines.refreshToken())));
        Api.Response relogin = login(ines.email(), PASSWORD);
        assertEquals(200, relogin.status());
        assertProblem(
                403,
                api.get(
                        "/api/v1/users/assignable",
                        relogin.as(LoginResponse.class).accessToken()));
    }

    @Test
    void anAdminResetsAPassword() {
        Person camille = employee("Camille");
        assertEquals(
                200,
                api.patch(
                                "/api/v1/users/" + camille.id(),
                                alice.token(),
                                new UserRequests.UpdateUser(null, null, null, null, "nouveau-mot-de-passe"))
                        .status());
        assertProblem(401, login(camille.email(), PASSWORD));
        assertEquals(200, login(camille.email(), "nouveau-mot-de-passe").status());
    }

    @Test
    void anAdminCannotLockThemselfOut() {
        assertProblem(
                409,
                api.patch(
                        "/api/v1/users/" + alice.id(),
                        alice.token(),
                        new UserRequests.UpdateUser(null, null, false, null, null)));
        assertProblem(
                409,
                api.patch(
                        "/api/v1/users/" + alice.id(),
                        alice.token(),
                        new UserRequests.UpdateUser(null, Role.EMPLOYEE, null, null, null)));
    }

    @Test
    void listingFiltersAndPages() {
        employee("Camille");
        employee("Lucas");
        technician("Ines");
        PageResponse<UserResponse> employees =
                api.get("/api/v1/users?role=EMPLOYEE", alice.token()).page(UserResponse.class);
        assertEquals(2, employees.total());
        assertEquals(
                List.of("Camille", "Lucas"),
                employees.items().stream().map(UserResponse::fullName).toList());
        assertEquals(
                1,
                api.get("/api/v1/users?q=LUC", alice.token())
                        .page(UserResponse.class)
                        .items()
                        .size());
        assertEquals(
                2,
                api.get("/api/v1/users?size=2", alice.token())
                        .page(UserResponse.class)
                        .items()
                        .size());
        assertProblem(400, api.get("/api/v1/users?size=500", alice.token()));
    }

    @Test
    void everyoneEditsTheirOwnProfile() {
        Person camille = employee("Camille");
        UserResponse updated = api.patch(
                        "/api/v1/me", camille.token(), new UserRequests.UpdateProfile(null, "en", false))
                .as(UserResponse.class);
        assertEquals("en", updated.locale());
        assertEquals(false, updated.notificationsEnabled());
        assertProblem(400, api.patch("/api/v1/me", camille.token(), Map.of("locale", "de")));
    }
}
