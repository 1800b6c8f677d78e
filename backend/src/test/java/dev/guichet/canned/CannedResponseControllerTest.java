package dev.guichet.canned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.auth.LoginResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canned responses as agents see them: who may use and change which, search, placeholders. */
class CannedResponseControllerTest extends ApiTest {

    private static final String PATH = "/api/v1/canned-responses";

    private Api.Response create(Person who, String title, String body, boolean shared) {
        return api.post(
                PATH, who.token(), new CannedResponseController.CannedResponseRequest(title, body, null, shared));
    }

    private long created(Person who, String title, String body, boolean shared) {
        Api.Response response = create(who, title, body, shared);
        assertEquals(201, response.status(), response::toString);
        return response.as(CannedResponseController.CannedResponseView.class).id();
    }

    private List<String> titles(Person who, String query) {
        return api.get(PATH + query, who.token()).asList(CannedResponseController.CannedResponseView.class).stream()
                .map(CannedResponseController.CannedResponseView::title)
                .toList();
    }

    @Test
    void employeesHaveNoCannedResponses() {
        Person camille = employee("Camille");
        Person alice = admin("Alice");
        long shared = created(alice, "Bonjour", "Bonjour {{requester.first_name}}", true);

        assertProblem(403, api.get(PATH, camille.token()));
        assertProblem(403, create(camille, "Moi", "Texte", false));
        assertProblem(403, api.send("DELETE", PATH + "/" + shared, camille.token(), null));
    }

    @Test
    void anAdminManagesSharedRepliesThatEveryAgentUses() {
        Person alice = admin("Alice");
        Person ines = technician("Ines");
        long id = created(alice, "Mot de passe", "Réinitialisez votre mot de passe.", true);

        CannedResponseController.CannedResponseView seen = api.get(PATH, ines.token())
                .asList(CannedResponseController.CannedResponseView.class)
                .getFirst();
        assertEquals(true, seen.shared());
        Api.Response changed = api.send(
                "PUT",
                PATH + "/" + id,
                alice.token(),
                new CannedResponseController.CannedResponseRequest(
                        "Mot de passe oublié", "Cliquez sur « oublié ».", "fr", null));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(List.of("Mot de passe oublié"), titles(ines, ""));
        assertEquals(
                204, api.send("DELETE", PATH + "/" + id, alice.token(), null).status());
        assertEquals(List.of(), titles(ines, ""));
    }

    @Test
    void aTechnicianCannotCreateOrChangeOrDeleteASharedReply() {
        Person alice = admin("Alice");
        Person ines = technician("Ines");
        long shared = created(alice, "Bonjour", "Bonjour à vous", true);

        assertProblem(403, create(ines, "Partagée", "Texte", true));
        assertProblem(
                403,
                api.send(
                        "PUT",
                        PATH + "/" + shared,
                        ines.token(),
                        new CannedResponseController.CannedResponseRequest("Pirate", "x", null, null)));
        assertProblem(403, api.send("DELETE", PATH + "/" + shared, ines.token(), null));
        assertEquals(List.of("Bonjour"), titles(alice, ""));
    }

    @Test
    void aPersonalReplyIsSeenAndChangedByItsOwnerOnly() {
        Person ines = technician("Ines");
        Person hugo = technician("Hugo");
        Person alice = admin("Alice");
        long mine = created(ines, "Ma signature", "— Ines", false);

        assertEquals(List.of("Ma signature"), titles(ines, ""));
        assertEquals(List.of(), titles(hugo, ""));
        assertEquals(List.of(), titles(alice, ""), "an admin manages shared replies, not others' own");
        assertProblem(
                404,
                api.send(
                        "PUT",
                        PATH + "/" + mine,
                        hugo.token(),
                        new CannedResponseController.CannedResponseRequest("x", "y", null, null)));
        assertProblem(404, api.send("DELETE", PATH + "/" + mine, alice.token(), null));
        assertEquals(
                200,
                api.send(
                                "PUT",
                                PATH + "/" + mine,
                                ines.token(),
                                new CannedResponseController.CannedResponseRequest("Signature", "— I.", null, null))
                        .status());
        assertEquals(List.of("Signature"), titles(ines, "?scope=personal"));
    }

    @Test
    void searchLooksInTitlesAndBodiesOfSharedAndOwnReplies() {
        Person alice = admin("Alice");
        Person ines = technician("Ines");
        Person hugo = technician("Hugo");
        created(alice, "Imprimante", "Vérifiez le bac à papier.", true);
        created(alice, "VPN", "Redémarrez le client VPN.", true);
        created(ines, "Relance", "Pouvez-vous redémarrer le PC ?", false);
        created(hugo, "Redémarrage (Hugo)", "Redémarrez", false);

        assertEquals(List.of("Relance", "VPN"), titles(ines, "?q=REDÉMARR"));
        assertEquals(List.of("Imprimante"), titles(ines, "?q=papier"));
        assertEquals(List.of("Imprimante", "VPN"), titles(ines, "?scope=shared"));
        assertEquals(List.of("Relance"), titles(ines, "?scope=personal"));
        assertEquals(List.of(), titles(ines, "?q=%25"), "a LIKE wildcard is an ordinary character");
    }

    @Test
    void placeholdersAreFilledForTheTicketAndTheAgentAndUnknownOnesStayVisible() {
        Person camille = users("Camille Martin");
        Person ines = technician("Ines");
        long ticket = ticket(camille, "Imprimante en panne", "Bourrage");
        long id = created(ines, "Accueil", """
                Bonjour {{requester.first_name}} ({{ requester.name }}),
                **Demande #{{ticket.id}}** « {{ticket.title}} » — {{agent.name}} / {{agent.first_name}}
                {{ticket.secret}} {{T(java.lang.Runtime).getRuntime()}} $1 \\\\""", false);

        Api.Response filled = api.get(PATH + "/" + id + "/filled?ticket_id=" + ticket, ines.token());
        assertEquals(200, filled.status(), filled::toString);
        assertEquals(
                """
                Bonjour Camille (Camille Martin),
                **Demande #%d** « Imprimante en panne » — Ines / Ines
                {{ticket.secret}} {{T(java.lang.Runtime).getRuntime()}} $1 \\\\""".formatted(ticket),
                filled.as(CannedResponseController.FilledResponse.class).body());
    }

    @Test
    void fillingNeedsAReplyAndATicketTheAgentMaySee() {
        Person ines = technician("Ines");
        Person hugo = technician("Hugo");
        long ticket = ticket(employee("Camille"), "VPN", "KO");
        long hugos = created(hugo, "À Hugo", "x", false);
        assertProblem(404, api.get(PATH + "/" + hugos + "/filled?ticket_id=" + ticket, ines.token()));
        long mine = created(ines, "À moi", "x", false);
        assertProblem(404, api.get(PATH + "/" + mine + "/filled?ticket_id=999999", ines.token()));
    }

    @Test
    void titlesAndBodiesAreValidatedLikeOtherTexts() {
        Person alice = admin("Alice");
        Problem problem = assertProblem(400, create(alice, "Titre\u0000", "Texte", true));
        assertTrue(problem.errors().stream().anyMatch(e -> e.field().equals("title")), problem::toString);
        assertProblem(400, create(alice, "  ", "Texte", false));
        assertProblem(400, create(alice, "x".repeat(121), "Texte", false));
        assertProblem(400, create(alice, "Titre", "x".repeat(20001), false));
        assertProblem(
                400,
                api.post(
                        PATH, alice.token(), new CannedResponseController.CannedResponseRequest("T", "B", "de", null)));
        assertProblem(400, api.get(PATH + "?scope=everyone", alice.token()));
    }

    /** An employee with a first and a last name. */
    private Person users(String fullName) {
        String email = fullName.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.test";
        var user = users.create(new dev.guichet.user.UserRequests.CreateUser(
                email, fullName, PASSWORD, dev.guichet.user.Role.EMPLOYEE, "fr"));
        Api.Response login = login(email, PASSWORD);
        LoginResponse tokens = login.as(LoginResponse.class);
        return new Person(user.id(), email, tokens.accessToken(), tokens.refreshToken());
    }
}
