package dev.guichet.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each technician keeps their own named queue views. */
class SavedViewTest extends ApiTest {

    Person ines;
    Person hugo;

    @BeforeEach
    void people() {
        ines = technician("Ines");
        hugo = technician("Hugo");
    }

    Api.Response save(Person who, String name, String query) {
        return api.post("/api/v1/views", who.token(), new SavedViewController.CreateView(name, query));
    }

    List<String> names(Person who) {
        return api.get("/api/v1/views", who.token()).asList(SavedViewController.ViewResponse.class).stream()
                .map(SavedViewController.ViewResponse::name)
                .toList();
    }

    @Test
    void aViewIsSavedListedAndDeletedByItsOwnerOnly() {
        Api.Response saved =
                save(ines, " Urgent réseau ", "status=NEW&priority=CRITICAL&cursor=abc&sort=created_at,asc");
        assertEquals(201, saved.status(), saved::toString);
        SavedViewController.ViewResponse view = saved.as(SavedViewController.ViewResponse.class);
        assertEquals("Urgent réseau", view.name());
        assertEquals(
                "status=NEW&priority=CRITICAL&sort=created_at,asc", view.query(), "a view starts at the first page");

        assertEquals(List.of("Urgent réseau"), names(ines));
        assertTrue(names(hugo).isEmpty(), "views are personal");
        assertProblem(404, api.send("DELETE", "/api/v1/views/" + view.id(), hugo.token(), null));

        assertEquals(
                204,
                api.send("DELETE", "/api/v1/views/" + view.id(), ines.token(), null)
                        .status());
        assertTrue(names(ines).isEmpty());
    }

    @Test
    void namesAreUniquePerPersonWhateverTheCase() {
        assertEquals(201, save(ines, "Matériel", "category=3").status());
        assertProblem(409, save(ines, "MATÉRIEL", "category=4"));
        assertEquals(201, save(hugo, "Matériel", "category=4").status(), "another person may use the name");
    }

    @Test
    void badInputIsRefusedClearly() {
        assertProblem(400, save(ines, "", "status=NEW"));
        assertProblem(400, save(ines, "x".repeat(61), "status=NEW"));
        assertProblem(400, save(ines, "ok", "status=NEW and more"));
        assertProblem(400, save(ines, "bell\u0007", "status=NEW"));
    }

    @Test
    void aPersonKeepsAtMostTwentyViews() {
        for (int i = 0; i < SavedViewService.MAX_PER_PERSON; i++) {
            assertEquals(201, save(ines, "Vue " + i, "status=NEW").status());
        }
        assertProblem(409, save(ines, "Une de trop", "status=NEW"));
    }

    @Test
    void employeesHaveNoQueueViews() {
        Person camille = employee("Camille");
        assertProblem(403, save(camille, "Mes tickets", "status=NEW"));
        assertProblem(403, api.get("/api/v1/views", camille.token()));
    }
}
