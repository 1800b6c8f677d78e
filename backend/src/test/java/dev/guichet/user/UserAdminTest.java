package dev.guichet.user;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class UserAdminTest extends ApiTest {

    Person alice;

    @BeforeEach
    void admin() {
        alice = admin("Alice");
    }

    Api.Response create(String email, String password, String role) {
        return api.post("/api/v1/users", alice.token(), Map.of("email", email, "full_name", "Zoé Lefèvre",
                "password", password, "role", role));
    }

    @Test
    void anAdminCreatesAnAccountThatCanLogIn() {
        Api.Response created = create("Zoe.Lefevre@Example.test", "un-mot-de-passe-solide", "TECHNICIAN");
        assertEquals(201, created.status(), created::toString);
        assertEquals("zoe.lefevre@example.test", created.get("email"));
        assertEquals("TECHNICIAN", created.get("role"));
        assertFalse(created.body().contains("password"));
        assertEquals(200, login("zoe.lefevre@example.test", "un-mot-de-passe-solide").status());
    }

    @Test
    void duplicateEmailsAreRefused() {
        create("zoe@example.test", "un-mot-de-passe-solide", "EMPLOYEE");
        assertProblem(409, create("ZOE@example.test", "un-autre-mot-de-passe", "EMPLOYEE"));
    }

    @Test
    void weakPasswordsAndBadEmailsAreRefusedWithTheFieldNamed() {
        for (String weak : List.of("court", "motdepasse123", "zoe@example.test")) {
            Map<String, Object> problem = assertProblem(400, create("zoe@example.test", weak, "EMPLOYEE"));
            assertEquals("password", ((Map<?, ?>) ((List<?>) problem.get("errors")).getFirst()).get("field"));
        }
        assertProblem(400, create("not-an-email", "un-mot-de-passe-solide", "EMPLOYEE"));
        assertProblem(400, create("zoe@example.test", "un-mot-de-passe-solide", "SUPERUSER"));
    }

    @Test
    void deactivationAndRoleChangesEndSessions() {
        Person ines = technician("Ines");
        Api.Response demoted = api.patch("/api/v1/users/" + ines.id(), alice.token(), Map.of("role", "EMPLOYEE"));
        assertEquals("EMPLOYEE", demoted.get("role"));
        assertProblem(401, api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", ines.refreshToken())));
        Api.Response relogin = login(ines.email(), PASSWORD);
        assertEquals(200, relogin.status());
        assertProblem(403, api.get("/api/v1/users/assignable", (String) relogin.get("access_token")));
    }

    @Test
    void anAdminResetsAPassword() {
        Person camille = employee("Camille");
        assertEquals(200, api.patch("/api/v1/users/" + camille.id(), alice.token(), Map.of("password", "nouveau-mot-de-passe")).status());
        assertProblem(401, login(camille.email(), PASSWORD));
        assertEquals(200, login(camille.email(), "nouveau-mot-de-passe").status());
    }

    @Test
    void anAdminCannotLockThemselfOut() {
        assertProblem(409, api.patch("/api/v1/users/" + alice.id(), alice.token(), Map.of("active", false)));
        assertProblem(409, api.patch("/api/v1/users/" + alice.id(), alice.token(), Map.of("role", "EMPLOYEE")));
    }

    @Test
    void listingFiltersAndPages() {
        employee("Camille");
        employee("Lucas");
        technician("Ines");
        Api.Response employees = api.get("/api/v1/users?role=EMPLOYEE", alice.token());
        assertEquals(2, ((Number) employees.get("total")).intValue());
        assertEquals(List.of("Camille", "Lucas"), employees.items().stream().map(u -> u.get("full_name")).toList());
        assertEquals(1, api.get("/api/v1/users?q=LUC", alice.token()).items().size());
        assertEquals(2, api.get("/api/v1/users?size=2", alice.token()).items().size());
        assertProblem(400, api.get("/api/v1/users?size=500", alice.token()));
    }

    @Test
    void everyoneEditsTheirOwnProfile() {
        Person camille = employee("Camille");
        Api.Response updated = api.patch("/api/v1/me", camille.token(), Map.of("locale", "en", "notifications_enabled", false));
        assertEquals("en", updated.get("locale"));
        assertEquals(false, updated.get("notifications_enabled"));
        assertProblem(400, api.patch("/api/v1/me", camille.token(), Map.of("locale", "de")));
    }
}
