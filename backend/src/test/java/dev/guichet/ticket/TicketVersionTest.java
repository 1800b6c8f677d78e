package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        assertEquals(
                1,
                api.patch(path, ines.token(), Map.of("version", 0, "priority", "HIGH"))
                        .as(TicketResponse.class)
                        .version());
        Api.Response history = api.get(path + "/history", ines.token());
        Problem problem = assertProblem(
                409, api.patch(path, hugo.token(), Map.of("version", 0, "priority", "LOW", "assignee_id", hugo.id())));
        assertTrue(problem.detail().contains("version"), problem::toString);
        TicketResponse after = api.get(path, ines.token()).as(TicketResponse.class);
        assertEquals(Priority.HIGH, after.priority());
        assertEquals(null, after.assignee());
        assertEquals(1, after.version());
        assertEquals(history.body(), api.get(path + "/history", ines.token()).body());
    }

    @Test
    void aChangeThatChangesNothingKeepsTheVersion() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "Wifi", "Le wifi de la salle B ne marche pas");
        Api.Response same =
                api.patch("/api/v1/tickets/" + id, ines.token(), Map.of("version", 0, "priority", "MEDIUM"));
        assertEquals(0, same.as(TicketResponse.class).version());
    }

    @Test
    void versionIsRequired() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "Wifi", "Le wifi de la salle B ne marche pas");
        // A map: the version is left out on purpose.
        Problem problem =
                assertProblem(400, api.patch("/api/v1/tickets/" + id, ines.token(), Map.of("priority", "HIGH")));
        assertEquals("version", problem.errors().getFirst().field());
    }
}
