package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.category.CategoryController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, sorting and pagination of the ticket list. */
class TicketListTest extends ApiTest {

    Person camille;
    Person ines;
    List<Long> created = new ArrayList<>();

    @BeforeEach
    void twentyFiveTickets() {
        camille = employee("Camille");
        ines = technician("Ines");
        created.clear();
        for (int i = 1; i <= 25; i++) {
            created.add(ticket(camille, "Ticket " + i, "Description " + i));
        }
    }

    @Test
    void pagesAreZeroBasedAndCarryTheTotal() {
        Api.Response first = api.get("/api/v1/tickets?size=10", ines.token());
        TicketPage firstPage = first.as(TicketPage.class);
        assertEquals(25, firstPage.total());
        assertEquals(0, firstPage.page());
        assertEquals(10, firstPage.items().size());
        assertEquals(created.reversed().subList(0, 10), ids(first));
        Api.Response last = api.get("/api/v1/tickets?size=10&page=2", ines.token());
        assertEquals(created.reversed().subList(20, 25), ids(last));
        TicketPage beyond = page("/api/v1/tickets?size=10&page=3");
        assertTrue(beyond.items().isEmpty());
        assertEquals(25, beyond.total());
    }

    @Test
    void defaultPageSizeIsTwentyAndTheMaximumIsAHundred() {
        assertEquals(20, page("/api/v1/tickets").items().size());
        assertEquals(25, page("/api/v1/tickets?size=100").items().size());
        for (String bad : List.of("size=101", "size=0", "size=-1", "page=-1")) {
            Problem problem = assertProblem(400, api.get("/api/v1/tickets?" + bad, ines.token()));
            assertEquals(
                    bad.substring(0, bad.indexOf('=')),
                    problem.errors().getFirst().field(),
                    problem::toString);
        }
        assertProblem(400, api.get("/api/v1/tickets?size=ten", ines.token()));
    }

    @Test
    void sortsByAWhitelistedFieldOnly() {
        change(ines, created.get(3), Map.of("priority", "CRITICAL"));
        change(ines, created.get(7), Map.of("priority", "LOW"));
        assertEquals(
                created.get(3),
                ids(api.get("/api/v1/tickets?sort=priority,desc", ines.token())).getFirst());
        assertEquals(
                created.get(7),
                ids(api.get("/api/v1/tickets?sort=priority,asc", ines.token())).getFirst());
        assertEquals(
                created.getFirst(),
                ids(api.get("/api/v1/tickets?sort=created_at,asc", ines.token()))
                        .getFirst());
        assertProblem(400, api.get("/api/v1/tickets?sort=password_hash", ines.token()));
        assertProblem(400, api.get("/api/v1/tickets?sort=id%3Bdrop%20table%20tickets", ines.token()));
        assertProblem(400, api.get("/api/v1/tickets?sort=id,sideways", ines.token()));
    }

    @Test
    void filtersByStatusPriorityCategoryAssigneeAndRequester() {
        Person alice = admin("Alice");
        Person lucas = employee("Lucas");
        long lucasTicket = ticket(lucas, "Souris", "Clic droit mort");
        long category = api.post(
                        "/api/v1/categories", alice.token(), new CategoryController.CreateCategory("Matériel", null))
                .as(CategoryController.CategoryResponse.class)
                .id();
        change(
                ines,
                created.get(0),
                Map.of("status", "IN_PROGRESS", "assignee_id", ines.id(), "category_id", category));
        change(ines, created.get(1), Map.of("assignee_id", alice.id(), "priority", "HIGH"));
        change(ines, created.get(1), Map.of("status", "WAITING"));
        assertEquals(List.of(created.get(0)), ids(api.get("/api/v1/tickets?status=IN_PROGRESS", ines.token())));
        assertEquals(List.of(created.get(1)), ids(api.get("/api/v1/tickets?status=WAITING", ines.token())));
        assertEquals(List.of(created.get(1)), ids(api.get("/api/v1/tickets?priority=HIGH", ines.token())));
        assertEquals(List.of(created.get(0)), ids(api.get("/api/v1/tickets?category_id=" + category, ines.token())));
        assertEquals(List.of(created.get(0)), ids(api.get("/api/v1/tickets?assignee_id=me", ines.token())));
        assertEquals(List.of(created.get(1)), ids(api.get("/api/v1/tickets?assignee_id=" + alice.id(), ines.token())));
        assertEquals(24, page("/api/v1/tickets?assignee_id=none").total());
        assertEquals(List.of(lucasTicket), ids(api.get("/api/v1/tickets?requester_id=" + lucas.id(), ines.token())));
        assertProblem(400, api.get("/api/v1/tickets?assignee_id=somebody", ines.token()));
        assertProblem(400, api.get("/api/v1/tickets?status=OPEN", ines.token()));
    }

    private TicketPage page(String path) {
        Api.Response response = api.get(path, ines.token());
        assertEquals(200, response.status(), response::toString);
        return response.as(TicketPage.class);
    }
}
