package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController;
import dev.guichet.support.ApiTest;
import io.micronaut.core.type.Argument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text search: French and English, accents ignored, ranked, scoped to what the caller may see. */
class TicketSearchTest extends ApiTest {

    Person camille;
    Person lucas;
    Person ines;
    long printerInTitle;
    long printerInDescription;
    long screen;
    long english;

    @BeforeEach
    void tickets() {
        camille = employee("Camille");
        lucas = employee("Lucas");
        ines = technician("Ines");
        printerInDescription =
                ticket(camille, "Problème au deuxième étage", "L'imprimante réseau affiche une erreur de bourrage");
        printerInTitle = ticket(lucas, "Imprimantes hors service", "Plus rien ne sort depuis ce matin");
        screen = ticket(camille, "Écran qui clignote", "Mon écran secondaire s'éteint toutes les minutes");
        english = ticket(lucas, "Laptop battery", "My laptop batteries are draining very fast");
    }

    List<Long> search(Person who, String q) {
        return ids(api.get(
                "/api/v1/tickets?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                who.token()));
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertEquals(List.of(screen), search(ines, "ecran"));
        assertEquals(List.of(screen), search(ines, "ÉCRAN"));
        assertEquals(List.of(printerInDescription), search(ines, "deuxieme etage"));
    }

    @Test
    void frenchWordsMatchTheirOtherForms() {
        // "imprimante" finds "Imprimantes" (plural) and "imprimante" (singular) through French stemming.
        assertEquals(List.of(printerInTitle, printerInDescription), search(ines, "imprimante"));
    }

    @Test
    void englishWordsMatchTheirOtherForms() {
        assertEquals(List.of(english), search(ines, "battery drain"));
    }

    @Test
    void aTitleMatchRanksAboveADescriptionMatch() {
        assertEquals(printerInTitle, search(ines, "imprimantes").getFirst());
    }

    @Test
    void webSearchSyntaxWorks() {
        assertEquals(List.of(printerInDescription), search(ines, "imprimante -hors"));
        assertEquals(
                List.of(screen, printerInDescription),
                search(ines, "écran or bourrage").stream()
                        .sorted((a, b) -> Long.compare(b, a))
                        .toList());
        assertTrue(search(ines, "\"écran bourrage\"").isEmpty());
    }

    @Test
    void publicRepliesAreSearchable() {
        assertEquals(
                201,
                api.post(
                                "/api/v1/tickets/" + screen + "/comments",
                                ines.token(),
                                new CommentController.CreateComment(
                                        "Remplacez le câble HDMI par un câble DisplayPort", null, null))
                        .status());
        assertEquals(List.of(screen), search(ines, "cable displayport"));
        assertEquals(List.of(screen), search(camille, "cable displayport"));
    }

    @Test
    void anEmployeeSearchesOnlyTheirOwnTickets() {
        assertEquals(List.of(printerInDescription), search(camille, "imprimante"));
        assertEquals(List.of(printerInTitle), search(lucas, "imprimante"));
    }

    @Test
    void searchCombinesWithFiltersAndCounts() {
        change(ines, printerInTitle, Map.of("status", "IN_PROGRESS", "priority", "HIGH"));
        assertEquals(
                List.of(printerInTitle), ids(api.get("/api/v1/tickets?q=imprimante&status=IN_PROGRESS", ines.token())));
        assertEquals(
                List.of(printerInTitle),
                ids(api.get("/api/v1/tickets?q=imprimante&priority=HIGH&priority=CRITICAL", ines.token())));
        Map<TicketStatus, Long> counts = api.get("/api/v1/tickets/counts?q=imprimante", ines.token())
                .as(Argument.mapOf(TicketStatus.class, Long.class));
        assertEquals(1L, counts.get(TicketStatus.NEW));
        assertEquals(1L, counts.get(TicketStatus.IN_PROGRESS));
        assertEquals(0L, counts.get(TicketStatus.CLOSED));
    }
}
