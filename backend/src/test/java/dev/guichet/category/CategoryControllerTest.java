package dev.guichet.category;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.category.CategoryController.CategoryResponse;
import dev.guichet.category.CategoryController.CreateCategory;
import dev.guichet.category.CategoryController.UpdateCategory;
import dev.guichet.support.ApiTest;
import dev.guichet.ticket.TicketRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryControllerTest extends ApiTest {

    @Test
    void adminsManageCategoriesAndEveryoneSeesTheActiveOnes() {
        Person alice = admin("Alice");
        Person camille = employee("Camille");
        long hardware = api.post("/api/v1/categories", alice.token(), new CreateCategory("Matériel", "PC, écrans"))
                .as(CategoryResponse.class)
                .id();
        long access = api.post("/api/v1/categories", alice.token(), new CreateCategory("Accès", null))
                .as(CategoryResponse.class)
                .id();
        assertProblem(409, api.post("/api/v1/categories", alice.token(), new CreateCategory("MATÉRIEL", null)));
        assertProblem(
                409,
                api.patch("/api/v1/categories/" + access, alice.token(), new UpdateCategory("matériel", null, null)));
        assertEquals(
                "Droits d'accès",
                api.patch(
                                "/api/v1/categories/" + access,
                                alice.token(),
                                new UpdateCategory("Droits d'accès", null, null))
                        .as(CategoryResponse.class)
                        .name());
        api.patch("/api/v1/categories/" + hardware, alice.token(), new UpdateCategory(null, null, false));
        assertEquals(
                List.of("Droits d'accès"),
                categories(camille, "").stream().map(CategoryResponse::name).toList());
        assertEquals(2, categories(alice, "?include_inactive=true").size());
        assertEquals(1, categories(camille, "?include_inactive=true").size());
        // An inactive category is not offered for new tickets.
        assertProblem(
                400,
                api.post(
                        "/api/v1/tickets", camille.token(), new TicketRequests.CreateTicket("t", "d", null, hardware)));
    }

    private List<CategoryResponse> categories(Person who, String query) {
        return api.get("/api/v1/categories" + query, who.token()).asList(CategoryResponse.class);
    }
}
