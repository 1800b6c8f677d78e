package dev.guichet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.category.CategoryController;
import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.ticket.TicketRequests;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserSummary;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each ticket event emails the right people, and no one else (docs/notifications.md). */
class NotificationRecipientsTest extends MailTest {

    Person camille;
    Person ines;
    Person alice;

    @BeforeEach
    void people() {
        camille = employee("Camille");
        ines = technician("Ines");
        alice = admin("Alice");
    }

    @Test
    void aNewTicketIsAcknowledgedToTheRequesterAndAlertsEveryTechnicianAndAdminWhenItsCategoryHasNoOne() {
        Person bruno = employee("Bruno");
        long id = ticket(camille, "Imprimante en panne", "Bourrage papier au 2e étage");

        assertEquals(List.of(alice.email(), camille.email(), ines.email()), deliveredTo());
        assertTrue(subject(deliveredTo(camille).getFirst()).startsWith("[#" + id + "] Demande reçue"));
        MimeMessage alert = deliveredTo(ines).getFirst();
        assertTrue(subject(alert).startsWith("[#" + id + "] Nouvelle demande"));
        assertTrue(text(alert).contains("Bourrage papier"), "the alert quotes the description");
        assertTrue(deliveredTo(bruno).isEmpty());
    }

    @Test
    void aCategoryWithChosenTechniciansAlertsOnlyThem() {
        Person hugo = technician("Hugo");
        long network = category("Réseau");
        Api.Response chosen =
                api.send("PUT", "/api/v1/categories/" + network + "/technicians", alice.token(), List.of(hugo.id()));
        assertEquals(200, chosen.status(), chosen::toString);
        assertEquals(
                List.of(hugo.email()),
                chosen.asList(UserSummary.class).stream()
                        .map(UserSummary::email)
                        .toList());

        api.post(
                "/api/v1/tickets",
                camille.token(),
                new TicketRequests.CreateTicket("Wi-Fi coupé", "Plus de réseau", null, network));

        assertEquals(List.of(camille.email(), hugo.email()), deliveredTo());
    }

    @Test
    void onlyAdminsChooseACategorysTechniciansAndOnlyAmongActiveAgents() {
        long network = category("Réseau");
        String path = "/api/v1/categories/" + network + "/technicians";
        assertProblem(403, api.send("PUT", path, ines.token(), List.of(ines.id())));
        assertProblem(400, api.send("PUT", path, alice.token(), List.of(camille.id())));
        assertProblem(400, api.send("PUT", path, alice.token(), List.of(999_999)));
        assertProblem(404, api.send("PUT", "/api/v1/categories/999999/technicians", alice.token(), List.of(ines.id())));
        assertEquals(List.of(), api.get(path, alice.token()).asList(UserSummary.class));
    }

    @Test
    void assigningEmailsTheNewAssigneeButNoOneWhoAssignsThemselves() {
        Person hugo = technician("Hugo");
        long id = ticket(camille, "Écran noir", "Rien ne s’affiche");
        delivered();
        purgeMailbox();

        change(ines, id, Map.of("assignee_id", hugo.id()));
        assertEquals(List.of(hugo.email()), deliveredTo());
        assertTrue(subject(deliveredTo(hugo).getFirst()).contains("assignée"));

        purgeMailbox();
        change(ines, id, Map.of("assignee_id", ines.id()));
        assertEquals(List.of(), deliveredTo());
    }

    @Test
    void aTechniciansReplyGoesToTheRequesterAndTheRequestersReplyToTheAssignee() {
        Person hugo = technician("Hugo");
        long id = ticket(camille, "VPN", "Le VPN refuse ma connexion");
        change(ines, id, Map.of("assignee_id", hugo.id()));
        delivered();
        purgeMailbox();

        comment(ines, id, "Pouvez-vous redémarrer ?", false);
        assertEquals(List.of(camille.email()), deliveredTo());
        assertTrue(text(deliveredTo(camille).getFirst()).contains("Pouvez-vous redémarrer"));

        purgeMailbox();
        comment(camille, id, "C’est fait, toujours en panne", false);
        assertEquals(List.of(hugo.email()), deliveredTo());
    }

    @Test
    void theRequestersReplyOnAnUnassignedTicketAlertsTheTechnicians() {
        long id = ticket(camille, "VPN", "Le VPN refuse ma connexion");
        delivered();
        purgeMailbox();

        comment(camille, id, "Des nouvelles ?", false);
        assertEquals(List.of(alice.email(), ines.email()), deliveredTo());
    }

    @Test
    void internalNotesNeverReachTheRequesterAndNoMailCarriesTheirText() {
        Person hugo = technician("Hugo");
        long id = ticket(camille, "Compte bloqué", "Je ne peux plus me connecter");
        change(ines, id, Map.of("assignee_id", hugo.id()));
        delivered();
        purgeMailbox();

        comment(ines, id, "Mot de passe provisoire : Soleil-2024", true);

        assertEquals(List.of(hugo.email()), deliveredTo());
        for (MimeMessage message : delivered()) {
            assertFalse(text(message).contains("Soleil-2024"));
            assertFalse(html(message).contains("Soleil-2024"));
        }
    }

    @Test
    void waitingResolvedAndClosedEmailTheRequesterButNotTheirOwnClosing() {
        long id = ticket(camille, "Souris", "Clic droit inopérant");
        change(ines, id, Map.of("status", "IN_PROGRESS"));
        delivered();
        purgeMailbox();
        assertEquals(0, count("kind NOT IN ('CREATED_ACK', 'CREATED_ALERT')"), "IN_PROGRESS notifies no one");

        change(ines, id, Map.of("status", "WAITING"));
        change(ines, id, Map.of("status", "RESOLVED"));
        assertEquals(
                List.of(
                        "[#" + id + "] Demande résolue\u00a0: Souris",
                        "[#" + id + "] En attente de votre réponse\u00a0: Souris"),
                deliveredTo(camille).stream().map(MailTest::subject).sorted().toList());
        assertEquals(List.of(camille.email(), camille.email()), deliveredTo());

        purgeMailbox();
        change(camille, id, Map.of("status", "CLOSED"));
        assertEquals(List.of(), deliveredTo(), "closing one's own ticket emails no one");

        long other = ticket(camille, "Clavier", "Touche A cassée");
        change(ines, other, Map.of("status", "IN_PROGRESS"));
        change(ines, other, Map.of("status", "RESOLVED"));
        change(alice, other, Map.of("status", "CLOSED"));
        assertTrue(deliveredTo(camille).stream()
                .anyMatch(m -> subject(m).equals("[#" + other + "] Demande fermée\u00a0: Clavier")));
    }

    @Test
    void peopleWhoTurnedNotificationsOffOrWereDeactivatedGetNothing() {
        assertEquals(
                200,
                api.patch("/api/v1/me", camille.token(), new UserRequests.UpdateProfile(null, null, false))
                        .status());
        Person hugo = technician("Hugo");
        assertEquals(
                200,
                api.patch("/api/v1/users/" + hugo.id(), alice.token(), Map.of("active", false))
                        .status());

        long id = ticket(camille, "Téléphone", "Pas de tonalité");
        assertEquals(List.of(alice.email(), ines.email()), deliveredTo());

        purgeMailbox();
        comment(ines, id, "Je regarde", false);
        assertEquals(List.of(), deliveredTo());
    }

    private void comment(Person who, long ticketId, String body, boolean internal) {
        Api.Response created = api.post(
                "/api/v1/tickets/" + ticketId + "/comments",
                who.token(),
                new CommentController.CreateComment(body, internal, null));
        assertEquals(201, created.status(), created::toString);
    }

    private long category(String name) {
        return api.post("/api/v1/categories", alice.token(), new CategoryController.CreateCategory(name, null))
                .as(CategoryController.CategoryResponse.class)
                .id();
    }
}
