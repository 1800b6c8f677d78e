package dev.guichet.ticket;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roles table of docs/architecture.md, endpoint by endpoint, allowed and refused. */
class TicketAccessTest extends ApiTest {

    Person camille;
    Person lucas;
    Person ines;
    Person alice;
    long camillesTicket;

    @BeforeEach
    void people() {
        camille = employee("Camille");
        lucas = employee("Lucas");
        ines = technician("Ines");
        alice = admin("Alice");
        camillesTicket = ticket(camille, "Écran noir", "Mon écran reste noir au démarrage");
    }

    @Test
    void everyRoleCanFileATicketAndIsItsRequester() {
        for (Person p : List.of(camille, ines, alice)) {
            Api.Response created = api.post("/api/v1/tickets", p.token(), Map.of("title", "Souris", "description", "Ma souris ne répond plus"));
            assertEquals(201, created.status(), created::toString);
            assertEquals("/api/v1/tickets/" + created.id(), created.header("location"));
            assertEquals(p.id(), ((Number) ((Map<?, ?>) created.get("requester")).get("id")).longValue());
            assertEquals("NEW", created.get("status"));
            assertEquals("MEDIUM", created.get("priority"));
        }
    }

    @Test
    void anEmployeeSeesOnlyTheirOwnTicketsAndGets404ForOthers() {
        String path = "/api/v1/tickets/" + camillesTicket;
        assertEquals(200, api.get(path, camille.token()).status());
        assertProblem(404, api.get(path, lucas.token()));
        assertProblem(404, api.get(path + "/comments", lucas.token()));
        assertProblem(404, api.get(path + "/history", lucas.token()));
        assertProblem(404, api.post(path + "/comments", lucas.token(), Map.of("body", "moi aussi")));
        assertProblem(404, api.patch(path, lucas.token(), Map.of("version", 0, "status", "CLOSED")));
        // The 404 of someone else's ticket is the 404 of a ticket that does not exist.
        assertEquals(api.get("/api/v1/tickets/999999", lucas.token()).map().get("detail"), api.get(path, lucas.token()).map().get("detail"));
        assertTrue(ids(api.get("/api/v1/tickets", lucas.token())).isEmpty());
        assertTrue(ids(api.get("/api/v1/tickets?requester_id=" + camille.id(), lucas.token())).isEmpty());
        assertEquals(List.of(camillesTicket), ids(api.get("/api/v1/tickets", camille.token())));
    }

    @Test
    void techniciansAndAdminsSeeEveryTicket() {
        long lucasTicket = ticket(lucas, "VPN", "Le VPN coupe toutes les cinq minutes");
        for (Person agent : List.of(ines, alice)) {
            assertEquals(200, api.get("/api/v1/tickets/" + camillesTicket, agent.token()).status());
            assertEquals(List.of(lucasTicket, camillesTicket), ids(api.get("/api/v1/tickets", agent.token())));
        }
    }

    @Test
    void anEmployeeCannotChangePriorityCategoryOrAssignee() {
        String path = "/api/v1/tickets/" + camillesTicket;
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "priority", "CRITICAL")));
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "assignee_id", ines.id())));
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "unassign", true)));
        long category = api.post("/api/v1/categories", alice.token(), Map.of("name", "Matériel")).id();
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "category_id", category)));
        assertEquals("MEDIUM", api.get(path, camille.token()).get("priority"));
    }

    @Test
    void techniciansAndAdminsChangeStatusPriorityCategoryAndAssignee() {
        long category = api.post("/api/v1/categories", alice.token(), Map.of("name", "Matériel")).id();
        for (Person agent : List.of(ines, alice)) {
            long id = ticket(camille, "Clavier", "Touches collées");
            Api.Response changed = change(agent, id, Map.of("status", "IN_PROGRESS", "priority", "HIGH",
                    "category_id", category, "assignee_id", agent.id()));
            assertEquals("IN_PROGRESS", changed.get("status"));
            assertEquals("HIGH", changed.get("priority"));
            assertEquals(category, ((Number) ((Map<?, ?>) changed.get("category")).get("id")).longValue());
            assertEquals(agent.id(), ((Number) ((Map<?, ?>) changed.get("assignee")).get("id")).longValue());
        }
    }

    @Test
    void ticketsCanOnlyBeAssignedToTechniciansOrAdmins() {
        Map<String, Object> problem = assertProblem(400, api.patch("/api/v1/tickets/" + camillesTicket, ines.token(),
                Map.of("version", 0, "assignee_id", lucas.id())));
        assertEquals("assignee_id", ((Map<?, ?>) ((List<?>) problem.get("errors")).getFirst()).get("field"));
        assertProblem(400, api.patch("/api/v1/tickets/" + camillesTicket, ines.token(), Map.of("version", 0, "assignee_id", 424242)));
        assertEquals(200, api.patch("/api/v1/tickets/" + camillesTicket, ines.token(), Map.of("version", 0, "assignee_id", alice.id())).status());
    }

    @Test
    void onlyAdminsManageUsersAndCategories() {
        for (Person p : List.of(camille, ines)) {
            assertProblem(403, api.get("/api/v1/users", p.token()));
            assertProblem(403, api.post("/api/v1/users", p.token(), Map.of("email", "x@example.test", "full_name", "X",
                    "password", "a-long-enough-password", "role", "ADMIN")));
            assertProblem(403, api.patch("/api/v1/users/" + camille.id(), p.token(), Map.of("role", "ADMIN")));
            assertProblem(403, api.post("/api/v1/categories", p.token(), Map.of("name", "Réseau")));
            assertEquals(200, api.get("/api/v1/categories", p.token()).status());
        }
        assertEquals(200, api.get("/api/v1/users", alice.token()).status());
        assertEquals(201, api.post("/api/v1/categories", alice.token(), Map.of("name", "Réseau")).status());
    }

    @Test
    void onlyAgentsListAssignablePeople() {
        assertProblem(403, api.get("/api/v1/users/assignable", camille.token()));
        List<Map<String, Object>> assignable = api.get("/api/v1/users/assignable", ines.token()).list();
        assertEquals(List.of("Alice", "Ines"), assignable.stream().map(u -> u.get("full_name")).toList());
    }

    @Test
    void anonymousCallersGet401OnEveryApiEndpoint() {
        for (String path : List.of("/api/v1/tickets", "/api/v1/tickets/" + camillesTicket, "/api/v1/me",
                "/api/v1/users", "/api/v1/categories", "/api/v1/tickets/" + camillesTicket + "/history")) {
            assertProblem(401, api.get(path, null));
        }
        assertProblem(401, api.post("/api/v1/tickets", null, Map.of("title", "t", "description", "d")));
    }
}
