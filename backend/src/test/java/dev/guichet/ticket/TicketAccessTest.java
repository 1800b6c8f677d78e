package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.category.CategoryController;
import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserSummary;
import dev.guichet.web.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
            Api.Response created = api.post(
                    "/api/v1/tickets",
                    p.token(),
                    new TicketRequests.CreateTicket("Souris", "Ma souris ne répond plus", null, null));
            assertEquals(201, created.status(), created::toString);
            TicketResponse ticket = created.as(TicketResponse.class);
            assertEquals("/api/v1/tickets/" + ticket.id(), created.header("location"));
            assertEquals(p.id(), ticket.requester().id());
            assertEquals(TicketStatus.NEW, ticket.status());
            assertEquals(Priority.MEDIUM, ticket.priority());
        }
    }

    @Test
    void anEmployeeSeesOnlyTheirOwnTicketsAndGets404ForOthers() {
        String path = "/api/v1/tickets/" + camillesTicket;
        assertEquals(200, api.get(path, camille.token()).status());
        assertProblem(404, api.get(path, lucas.token()));
        assertProblem(404, api.get(path + "/comments", lucas.token()));
        assertProblem(404, api.get(path + "/history", lucas.token()));
        assertProblem(
                404,
                api.post(
                        path + "/comments",
                        lucas.token(),
                        new CommentController.CreateComment("moi aussi", null, null)));
        assertProblem(404, api.patch(path, lucas.token(), Map.of("version", 0, "status", "CLOSED")));
        // The 404 of someone else's ticket is the 404 of a ticket that does not exist.
        assertEquals(
                api.get("/api/v1/tickets/999999", lucas.token())
                        .as(Problem.class)
                        .detail(),
                api.get(path, lucas.token()).as(Problem.class).detail());
        assertTrue(ids(api.get("/api/v1/tickets", lucas.token())).isEmpty());
        assertTrue(ids(api.get("/api/v1/tickets?requester_id=" + camille.id(), lucas.token()))
                .isEmpty());
        assertEquals(List.of(camillesTicket), ids(api.get("/api/v1/tickets", camille.token())));
    }

    @Test
    void techniciansAndAdminsSeeEveryTicket() {
        long lucasTicket = ticket(lucas, "VPN", "Le VPN coupe toutes les cinq minutes");
        for (Person agent : List.of(ines, alice)) {
            assertEquals(
                    200,
                    api.get("/api/v1/tickets/" + camillesTicket, agent.token()).status());
            assertEquals(List.of(lucasTicket, camillesTicket), ids(api.get("/api/v1/tickets", agent.token())));
        }
    }

    @Test
    void anEmployeeCannotChangePriorityCategoryOrAssignee() {
        String path = "/api/v1/tickets/" + camillesTicket;
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "priority", "CRITICAL")));
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "assignee_id", ines.id())));
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "unassign", true)));
        long category = category("Matériel");
        assertProblem(403, api.patch(path, camille.token(), Map.of("version", 0, "category_id", category)));
        assertEquals(
                Priority.MEDIUM,
                api.get(path, camille.token()).as(TicketResponse.class).priority());
    }

    @Test
    void techniciansAndAdminsChangeStatusPriorityCategoryAndAssignee() {
        long category = category("Matériel");
        for (Person agent : List.of(ines, alice)) {
            long id = ticket(camille, "Clavier", "Touches collées");
            TicketResponse changed = change(
                            agent,
                            id,
                            Map.of(
                                    "status",
                                    "IN_PROGRESS",
                                    "priority",
                                    "HIGH",
                                    "category_id",
                                    category,
                                    "assignee_id",
                                    agent.id()))
                    .as(TicketResponse.class);
            assertEquals(TicketStatus.IN_PROGRESS, changed.status());
            assertEquals(Priority.HIGH, changed.priority());
            assertEquals(category, changed.category().id());
            assertEquals(agent.id(), changed.assignee().id());
        }
    }

    @Test
    void ticketsCanOnlyBeAssignedToTechniciansOrAdmins() {
        Problem problem = assertProblem(
                400,
                api.patch(
                        "/api/v1/tickets/" + camillesTicket,
                        ines.token(),
                        Map.of("version", 0, "assignee_id", lucas.id())));
        assertEquals("assignee_id", problem.errors().getFirst().field());
        assertProblem(
                400,
                api.patch(
                        "/api/v1/tickets/" + camillesTicket,
                        ines.token(),
                        Map.of("version", 0, "assignee_id", 424242)));
        assertEquals(
                200,
                api.patch(
                                "/api/v1/tickets/" + camillesTicket,
                                ines.token(),
                                Map.of("version", 0, "assignee_id", alice.id()))
                        .status());
    }

    @Test
    void onlyAdminsManageUsersAndCategories() {
        for (Person p : List.of(camille, ines)) {
            assertProblem(403, api.get("/api/v1/users", p.token()));
            assertProblem(
                    403,
                    api.post(
                            "/api/v1/users",
                            p.token(),
                            new UserRequests.CreateUser(
                                    "x@example.test", "X", "a-long-enough-password", Role.ADMIN, null)));
            assertProblem(
                    403,
                    api.patch(
                            "/api/v1/users/" + camille.id(),
                            p.token(),
                            new UserRequests.UpdateUser(null, Role.ADMIN, null, null, null)));
            assertProblem(
                    403,
                    api.post("/api/v1/categories", p.token(), new CategoryController.CreateCategory("Réseau", null)));
            assertEquals(200, api.get("/api/v1/categories", p.token()).status());
        }
        assertEquals(200, api.get("/api/v1/users", alice.token()).status());
        assertEquals(
                201,
                api.post("/api/v1/categories", alice.token(), new CategoryController.CreateCategory("Réseau", null))
                        .status());
    }

    @Test
    void onlyAgentsListAssignablePeople() {
        assertProblem(403, api.get("/api/v1/users/assignable", camille.token()));
        List<UserSummary> assignable =
                api.get("/api/v1/users/assignable", ines.token()).asList(UserSummary.class);
        assertEquals(
                List.of("Alice", "Ines"),
                assignable.stream().map(UserSummary::fullName).toList());
    }

    @Test
    void anonymousCallersGet401OnEveryApiEndpoint() {
        for (String path : List.of(
                "/api/v1/tickets",
                "/api/v1/tickets/" + camillesTicket,
                "/api/v1/me",
                "/api/v1/users",
                "/api/v1/categories",
                "/api/v1/tickets/" + camillesTicket + "/history")) {
            assertProblem(401, api.get(path, null));
        }
        assertProblem(401, api.post("/api/v1/tickets", null, new TicketRequests.CreateTicket("t", "d", null, null)));
    }

    private long category(String name) {
        return api.post("/api/v1/categories", alice.token(), new CategoryController.CreateCategory(name, null))
                .as(CategoryController.CategoryResponse.class)
                .id();
    }
}
