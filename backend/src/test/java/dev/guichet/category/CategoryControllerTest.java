package dev.guichet.category;

import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CategoryControllerTest extends ApiTest {

    @Test
    void adminsManageCategoriesAndEveryoneSeesTheActiveOnes() {
        Person alice = admin("Alice");
        Person camille = employee("Camille");
        long hardware = api.post("/api/v1/categories", alice.token(), Map.of("name", "Matériel", "description", "PC, écrans")).id();
        long access = api.post("/api/v1/categories", alice.token(), Map.of("name", "Accès")).id();
        assertProblem(409, api.post("/api/v1/categories", alice.token(), Map.of("name", "MATÉRIEL")));
        assertProblem(409, api.patch("/api/v1/categories/" + access, alice.token(), Map.of("name", "matériel")));
        assertEquals("Droits d'accès", api.patch("/api/v1/categories/" + access, alice.token(), Map.of("name", "Droits d'accès")).get("name"));
        api.patch("/api/v1/categories/" + hardware, alice.token(), Map.of("active", false));
        assertEquals(List.of("Droits d'accès"), api.get("/api/v1/categories", camille.token()).list().stream().map(c -> c.get("name")).toList());
        assertEquals(2, api.get("/api/v1/categories?include_inactive=true", alice.token()).list().size());
        assertEquals(1, api.get("/api/v1/categories?include_inactive=true", camille.token()).list().size());
        // An inactive category is not offered for new tickets.
        assertProblem(400, api.post("/api/v1/tickets", camille.token(), Map.of("title", "t", "description", "d", "category_id", hardware)));
    }
}
