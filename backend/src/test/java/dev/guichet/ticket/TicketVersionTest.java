package dev.guichet.ticket;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optimistic locking: a PATCH carries the version its author saw. */
class TicketVersionTest extends ApiTest {

    @Test
    void aStaleVersionGets409AndChangesNothing() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        Person hugo = technician("Hugo");
        long id = ticket(camille, "Wifi", "Le wifi de la salle B ne marche pas");
        String path = "/api/v1/tickets/" + id;
        // Ines and Hugo both load version 0; Ines saves first.
        assertEquals(1, ((Number) api.patch(path, ines.token(), Map.of("version", 0, "priority", "HIGH")).get("version")).intValue());
        Api.Response history = api.get(path + "/history", ines.token());
        Map<String, Object> problem = assertProblem(409, api.patch(path, hugo.token(), Map.of("version", 0, "priority", "LOW", "assignee_id", hugo.id())));
        assertTrue(((String) problem.get("detail")).contains("version"), problem::toString);
        Api.Response after = api.get(path, ines.token());
        assertEquals("HIGH", after.get("priority"));
        assertEquals(null, after.get("assignee"));
        assertEquals(1, ((Number) after.get("version")).intValue());
        assertEquals(history.body(), api.get(path + "/history", ines.token()).body());
    }

    @Test
    void aChangeThatChangesNothingKeepsTheVersion() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "Wifi", "Le wifi de la salle B ne marche pas");
        Api.Response same = api.patch("/api/v1/tickets/" + id, ines.token(), Map.of("version", 0, "priority", "MEDIUM"));
        assertEquals(0, ((Number) same.get("version")).intValue());
    }

    @Test
    void versionIsRequired() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "Wifi", "Le wifi de la salle B ne marche pas");
        Map<String, Object> problem = assertProblem(400, api.patch("/api/v1/tickets/" + id, ines.token(), Map.of("priority", "HIGH")));
        assertEquals("version", ((Map<?, ?>) ((java.util.List<?>) problem.get("errors")).getFirst()).get("field"));
    }
}
