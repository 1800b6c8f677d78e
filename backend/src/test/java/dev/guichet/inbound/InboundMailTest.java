package dev.guichet.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.attachment.AttachmentResponse;
import dev.guichet.comment.CommentController;
import dev.guichet.comment.CommentController.CommentResponse;
import dev.guichet.inbound.InboundController.MessageView;
import dev.guichet.support.Api;
import dev.guichet.ticket.TicketPage;
import dev.guichet.ticket.TicketResponse;
import dev.guichet.ticket.TicketStatus;
import dev.guichet.web.Problem;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Mail sent to the helpdesk's IMAP mailbox becomes tickets and replies (docs/architecture.md, "Email channel"). */
class InboundMailTest extends InboundTest {

    @jakarta.inject.Inject
    InboundQueries store;

    @jakarta.inject.Inject
    InboundProcessor processor;

    @jakarta.inject.Inject
    InboundActions actions;

    @jakarta.inject.Inject
    dev.guichet.user.UserRepository userRepository;

    @Test
    void anEmployeeOpensFollowsAndAnswersATicketByEmailAlone() throws Exception {
        Person alice = employee("Alice");
        Person tom = technician("Tom");
        send(plain("Alice <" + alice.email() + ">", "Badge refusé", "Mon badge ne m'ouvre plus la porte."));
        awaitInbound(1);
        long id = onlyTicket(alice).id();

        reply(tom, id, "Je l'ai réactivé, pouvez-vous essayer ?", "WAITING");
        MimeMessage answer = deliveredTo(alice.email()).stream()
                .filter(m -> textOf(m).contains("réactivé"))
                .findFirst()
                .orElseThrow();
        String replyTo = ((InternetAddress) answer.getReplyTo()[0]).getAddress();
        assertTrue(subjectOf(answer).contains("[#" + id + "]"), subjectOf(answer));

        send("From: Alice <" + alice.email() + ">\nTo: Support <" + replyTo + ">\nSubject: RE: " + subjectOf(answer)
                + "\nMessage-ID: " + messageId() + "\nIn-Reply-To: " + answer.getMessageID() + "\nReferences: "
                + answer.getHeader("References", " ") + " " + answer.getMessageID()
                + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nÇa marche, merci.\n\n"
                + "-----Original Message-----\nFrom: Guichet <guichet@" + HOST
                + ">\nSent: Friday\n\nJe l'ai réactivé\n");
        awaitInbound(2);

        CommentResponse last = api.get("/api/v1/tickets/" + id + "/comments", tom.token())
                .asList(CommentResponse.class)
                .getLast();
        assertEquals("Ça marche, merci.", last.body());
        assertEquals(
                TicketStatus.IN_PROGRESS,
                api.get("/api/v1/tickets/" + id, alice.token())
                        .as(TicketResponse.class)
                        .status());
        // Tom hears of it by mail, as for a reply made in the app.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveredTo(tom.email()).stream()
                        .anyMatch(m -> textOf(m).contains("Ça marche")));
    }

    @Test
    void aPollerKilledMidBatchResumesWithoutLossOrDuplicate() {
        employee("Alice");
        // Three messages stored by a replica that then died: one claimed and never finished, one whose
        // ticket was committed just before the crash (the mark and the ticket commit together), one untouched.
        for (String subject : List.of("Un", "Deux", "Trois")) {
            String raw =
                    plain("alice@example.test", subject, "Texte " + subject).replace("\n", "\r\n");
            store.store(
                    "crashed-replica",
                    messageId(),
                    null,
                    raw.getBytes(StandardCharsets.UTF_8),
                    raw.length(),
                    false,
                    "alice@example.test",
                    subject);
        }
        List<InboundQueries.Claimed> claimed = store.claim(2, Duration.ofMillis(300));
        assertEquals(2, claimed.size());
        var alice = userRepository.findByEmail("alice@example.test").orElseThrow();
        // Claims come back in no set order; "Deux" is the second message stored, the larger id.
        InboundQueries.Claimed deux = claimed.stream()
                .max(java.util.Comparator.comparingLong(InboundQueries.Claimed::id))
                .orElseThrow();
        actions.newTicket(deux, alice, null, "Deux", "Texte Deux", null);
        // ... the replica is gone; its claims run out, and the survivors take over.
        awaitInbound(3);

        assertEquals(List.of("Deux", "Trois", "Un"), strings("SELECT title FROM tickets ORDER BY title"));
        assertEquals(List.of("PROCESSED"), strings("SELECT DISTINCT status FROM inbound_messages"));
    }

    @Test
    void mailFromAKnownSenderBecomesTheirTicket() throws Exception {
        Person alice = employee("Alice");
        send(plain(
                "Alice Martin <ALICE@Example.test>",
                "Imprimante en panne",
                "L'imprimante du 2e étage ne répond plus.\n\n-- \nAlice Martin\nCompta"));
        awaitInbound(1);

        TicketResponse ticket = onlyTicket(alice);
        assertEquals("Imprimante en panne", ticket.title());
        assertEquals("L'imprimante du 2e étage ne répond plus.", ticket.description(), "the signature is left out");
        assertEquals(List.of("PROCESSED"), strings("SELECT status FROM inbound_messages"));
        // The acknowledgement carries a reply address that names the ticket, signed.
        MimeMessage ack = deliveredTo(alice.email()).getFirst();
        String replyTo = ((InternetAddress) ack.getReplyTo()[0]).getAddress();
        assertTrue(replyTo.matches("helpdesk\\+t" + ticket.id() + "-[0-9a-f]{16}@" + HOST), replyTo);
    }

    @Test
    void anUnknownSenderOfAnAllowedDomainGetsAnAccountAndALinkToChooseAPassword() throws Exception {
        send(plain("Bob Durand <bob@" + ALLOWED_DOMAIN + ">", "Accès VPN", "Je n'arrive pas à me connecter au VPN."));
        awaitInbound(1);

        assertEquals(List.of("EMPLOYEE"), strings("SELECT role FROM users WHERE email = 'bob@" + ALLOWED_DOMAIN + "'"));
        assertEquals(
                List.of("Bob Durand"),
                strings("SELECT full_name FROM users WHERE email = 'bob@" + ALLOWED_DOMAIN + "'"));
        assertEquals(
                1,
                query("SELECT count(*) FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = 'bob@"
                        + ALLOWED_DOMAIN + "' AND t.title = 'Accès VPN'"));
        MimeMessage welcome = deliveredTo("bob@" + ALLOWED_DOMAIN).stream()
                .filter(m -> subjectOf(m).contains("Votre compte Guichet"))
                .findFirst()
                .orElseThrow();
        Matcher link =
                Pattern.compile("set-password\\?token=([A-Za-z0-9_-]{43})").matcher(textOf(welcome));
        assertTrue(link.find(), textOf(welcome));

        assertEquals(
                204,
                api.post("/api/v1/auth/password-token", null, Map.of("token", link.group(1), "password", PASSWORD))
                        .status());
        assertEquals(200, login("bob@" + ALLOWED_DOMAIN, PASSWORD).status());
        Problem reused = assertProblem(
                400,
                api.post(
                        "/api/v1/auth/password-token",
                        null,
                        Map.of("token", link.group(1), "password", PASSWORD + "x")));
        assertTrue(((String) reused.type()).endsWith("/invalid-token"), reused::toString);
    }

    @Test
    void anUnknownSenderOutsideTheAllowedDomainsIsRefusedOnceAndKeptForAdmins() {
        Person admin = admin("Ada");
        send(plain("eve@elsewhere.test", "Hello", "Please fix my laptop."));
        send(plain("eve@elsewhere.test", "Hello again", "Still broken."));
        awaitInbound(2);

        assertEquals(0, query("SELECT count(*) FROM tickets"));
        assertEquals(0, query("SELECT count(*) FROM users WHERE email = 'eve@elsewhere.test'"));
        assertEquals(1, deliveredTo("eve@elsewhere.test").size(), "answered once, not twice");
        assertTrue(subjectOf(deliveredTo("eve@elsewhere.test").getFirst()).contains("n’a pas été enregistré"));
        List<MessageView> problems = messages(admin, "problems");
        assertEquals(2, problems.size());
        assertTrue(problems.stream().allMatch(p -> "unknown-sender".equals(p.reason())), problems::toString);
    }

    @Test
    void aReplyToANotificationLandsOnItsTicketWithoutTheQuotedText() throws Exception {
        Person alice = employee("Alice");
        Person tom = technician("Tom");
        long id = ticket(alice, "Écran noir", "Mon écran reste noir.");
        reply(tom, id, "Pouvez-vous vérifier le câble ?", "WAITING");
        MimeMessage notification = deliveredTo(alice.email()).stream()
                .filter(m -> textOf(m).contains("vérifier le câble"))
                .findFirst()
                .orElseThrow();
        String replyTo = ((InternetAddress) notification.getReplyTo()[0]).getAddress();

        send("From: Alice <" + alice.email() + ">\nTo: " + replyTo + "\nSubject: Re: " + subjectOf(notification)
                + "\nMessage-ID: " + messageId() + "\nIn-Reply-To: " + notification.getMessageID()
                + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
                + "C'était le câble, merci !\n\nLe ven. 4 déc. 2026 à 09:00, Guichet <guichet@" + HOST + "> a écrit :\n"
                + "> Pouvez-vous vérifier le câble ?\n> \n");
        awaitInbound(1);

        List<CommentResponse> comments =
                api.get("/api/v1/tickets/" + id + "/comments", alice.token()).asList(CommentResponse.class);
        CommentResponse last = comments.getLast();
        assertEquals("C'était le câble, merci !", last.body());
        assertEquals(alice.id(), last.author().id());
        assertEquals(
                TicketStatus.IN_PROGRESS,
                api.get("/api/v1/tickets/" + id, alice.token())
                        .as(TicketResponse.class)
                        .status(),
                "the requester's answer moves a WAITING ticket back to the IT team");
    }

    @Test
    void aForgedReplyAddressOrAnotherPersonsTicketAddsNothing() {
        Person alice = employee("Alice");
        Person mallory = employee("Mallory");
        long id = ticket(alice, "Mot de passe", "Je suis bloquée.");
        send(plain(
                mallory.email(),
                "helpdesk+t" + id + "-0123456789abcdef@" + HOST,
                "Re: [#" + id + "] Mot de passe",
                "Ignore this ticket.",
                ""));
        send(plain(mallory.email(), HELPDESK, "Re: [#" + id + "] Mot de passe", "Close it please.", ""));
        awaitInbound(2);

        assertEquals(0, query("SELECT count(*) FROM comments WHERE ticket_id = " + id));
        assertEquals(
                List.of("forged-reply-address", "not-allowed"),
                strings("SELECT reason FROM inbound_messages ORDER BY id"));
        assertEquals(List.of("REJECTED", "REJECTED"), strings("SELECT status FROM inbound_messages ORDER BY id"));
    }

    @Test
    void autoRepliesAndListMailNeitherCreateTicketsNorGetAnswered() {
        Person alice = employee("Alice");
        send(plain(
                alice.email(), HELPDESK, "Absent du bureau", "Je suis en congés.", "Auto-Submitted: auto-replied\n"));
        send(plain(alice.email(), HELPDESK, "Out of office", "Back Monday.", "X-Autoreply: yes\n"));
        send(plain(alice.email(), HELPDESK, "Newsletter", "News.", "Precedence: bulk\n"));
        send(plain("stranger@elsewhere.test", HELPDESK, "Vacances", "Absent.", "X-Autorespond: vacation\n"));
        awaitInbound(4);

        assertEquals(0, query("SELECT count(*) FROM tickets"));
        assertEquals(List.of("IGNORED"), strings("SELECT DISTINCT status FROM inbound_messages"));
        assertEquals(0, query("SELECT count(*) FROM mail_outbox"), "nothing answers an automatic message");
    }

    @Test
    void aBounceMarksTheAddressBouncingAndPausesItsNotifications() {
        Person admin = admin("Ada");
        Person alice = employee("Alice");
        send("From: Mail Delivery System <MAILER-DAEMON@" + HOST + ">\nTo: guichet@" + HOST
                + "\nSubject: Undelivered Mail Returned to Sender\nMessage-ID: " + messageId()
                + "\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
                + "--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx." + HOST + "\n\n"
                + "Final-Recipient: rfc822; " + alice.email().toUpperCase() + "\nAction: failed\nStatus: 5.1.1\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n"
                + "--b1\nContent-Type: text/rfc822-headers\n\nSubject: [#1] Demande reçue\n\n--b1--\n");
        awaitInbound(1);

        assertEquals(0, query("SELECT count(*) FROM tickets"));
        List<InboundController.BounceView> bounces =
                api.get("/api/v1/admin/inbound/bounces", admin.token()).asList(InboundController.BounceView.class);
        assertEquals(alice.email(), bounces.getFirst().email());
        assertEquals("5.1.1", bounces.getFirst().status());

        ticket(alice, "Souris", "Ma souris ne marche plus.");
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> query("SELECT count(*) FROM mail_outbox WHERE recipient_email = '" + alice.email()
                                + "' AND status = 'PENDING'")
                        == 1);
        assertEquals(
                204,
                api.send("DELETE", "/api/v1/admin/inbound/bounces/" + alice.email(), admin.token(), null)
                        .status());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> query("SELECT count(*) FROM mail_outbox WHERE recipient_email = '" + alice.email()
                                + "' AND status = 'SENT'")
                        == 1);
    }

    @Test
    void theSameMessageDeliveredTwiceCreatesOneTicket() {
        Person alice = employee("Alice");
        String message = plain(alice.email(), "Clavier", "Touche A cassée.");
        send(message);
        send(message);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mail.getReceivedMessagesForDomain(HOST).length == 2
                        && java.util.Arrays.stream(mail.getReceivedMessagesForDomain(HOST))
                                .allMatch(m -> {
                                    try {
                                        return m.getFlags().contains(jakarta.mail.Flags.Flag.SEEN);
                                    } catch (Exception e) {
                                        return false;
                                    }
                                }));
        awaitInbound(1);

        assertEquals(
                1,
                query("SELECT count(*) FROM tickets"),
                () -> strings("SELECT title || ' ' || created_at FROM tickets") + " "
                        + strings(
                                "SELECT message_id || ' ' || status || ' ' || attempts || ' ' || received_at FROM inbound_messages"));
        assertEquals(1, query("SELECT count(*) FROM inbound_messages"));
    }

    @Test
    void attachmentsGoThroughTheUsualChecksAndRefusedOnesAreListed() {
        Person alice = employee("Alice");
        byte[] png = Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        byte[] exe = "MZ\u0090\u0000fake windows program".getBytes(StandardCharsets.ISO_8859_1);
        send("From: " + alice.email() + "\nTo: " + HELPDESK + "\nSubject: Capture d'écran\nMessage-ID: " + messageId()
                + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"xyz\"\n\n"
                + "--xyz\nContent-Type: text/plain; charset=UTF-8\n\nVoici la capture.\n"
                + "--xyz\nContent-Type: image/png\nContent-Disposition: attachment; filename=\"ecran.png\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(png) + "\n"
                + "--xyz\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"outil.exe\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(exe) + "\n--xyz--\n");
        awaitInbound(1);

        TicketResponse ticket = onlyTicket(alice);
        List<AttachmentResponse> files = api.get("/api/v1/tickets/" + ticket.id() + "/attachments", alice.token())
                .asList(AttachmentResponse.class);
        assertEquals(
                List.of("ecran.png"),
                files.stream().map(AttachmentResponse::fileName).toList());
        String description = ticket.description();
        assertTrue(description.startsWith("Voici la capture."), description);
        assertTrue(description.contains("outil.exe"), "the refused file is listed on the ticket: " + description);
    }

    @Test
    void anHtmlOnlyMailBecomesSafeText() {
        Person alice = employee("Alice");
        send("From: " + alice.email() + "\nTo: " + HELPDESK + "\nSubject: Wi-Fi\nMessage-ID: " + messageId()
                + "\nMIME-Version: 1.0\nContent-Type: text/html; charset=UTF-8\n\n"
                + "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
                + "<p>Le <b>Wi-Fi</b> coupe&nbsp;souvent.</p><p>Merci<br>Alice</p>"
                + "<div class=\"gmail_quote\">Old message</div><img src=x onerror=alert(2)></body></html>");
        awaitInbound(1);

        String description = onlyTicket(alice).description();
        assertEquals("Le Wi-Fi coupe souvent.\n\nMerci\nAlice", description);
    }

    @Test
    void frenchTextInLatin1AndWindows1252IsReadRight() {
        Person alice = employee("Alice");
        Charset cp1252 = Charset.forName("windows-1252");
        String text = "L’écran de l’ordinateur ne s’allume plus, c’est déjà la 2e fois — œuvre à reprendre.";
        for (String label : List.of("windows-1252", "iso-8859-1")) {
            byte[] head = ("From: " + alice.email() + "\r\nTo: " + HELPDESK + "\r\nSubject: =?ISO-8859-1?Q?=C9cran_"
                            + label
                            + "?=\r\nMessage-ID: " + messageId()
                            + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="
                            + label + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] body = (text + "\r\n").getBytes(cp1252);
            byte[] raw = new byte[head.length + body.length];
            System.arraycopy(head, 0, raw, 0, head.length);
            System.arraycopy(body, 0, raw, head.length, body.length);
            send(raw);
        }
        awaitInbound(2);

        assertEquals(List.of(text, text), strings("SELECT description FROM tickets ORDER BY id"));
        assertEquals(
                List.of("Écran windows-1252", "Écran iso-8859-1"), strings("SELECT title FROM tickets ORDER BY id"));
    }

    @Test
    void brokenMimeAndHeaderInjectionAreHandledAndThePollerGoesOn() {
        Person alice = employee("Alice");
        Person admin = admin("Ada");
        // A multipart without its boundary, an unknown charset, and an encoded CR LF in the subject.
        send("From: " + alice.email() + "\nTo: " + HELPDESK
                + "\nSubject: =?UTF-8?Q?Panne=0D=0ABcc:_victim@example.test?=\n"
                + "Message-ID: " + messageId()
                + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"never\"\n\n"
                + "garbage without any boundary\n");
        send("From: " + alice.email() + "\nTo: " + HELPDESK + "\nSubject: Charset\nMessage-ID: " + messageId()
                + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=x-no-such-charset\n\nBonjour\n");
        send("This is not a mail at all, just a line\n");
        send(plain(alice.email(), "Après", "Le poller fonctionne encore."));
        awaitInbound(4);

        List<String> titles = strings("SELECT title FROM tickets ORDER BY id");
        assertTrue(titles.contains("Panne Bcc: victim@example.test"), titles::toString);
        assertTrue(titles.contains("Charset"), titles::toString);
        assertTrue(titles.contains("Après"), "the poller carried on: " + titles);
        assertEquals(0, query("SELECT count(*) FROM tickets WHERE title ~ '[\\r\\n]'"));
        List<MessageView> problems = messages(admin, "problems");
        assertEquals(
                List.of("no-sender"), problems.stream().map(MessageView::reason).toList());
        long rejected = problems.getFirst().id();
        var raw = api.download("/api/v1/admin/inbound/messages/" + rejected + "/raw", admin.token());
        assertEquals(200, raw.statusCode());
        assertTrue(
                new String(raw.body(), StandardCharsets.UTF_8).contains("This is not a mail at all"),
                "the raw message is kept");
        assertEquals(
                204,
                api.send("DELETE", "/api/v1/admin/inbound/messages/" + rejected, admin.token(), null)
                        .status());
        assertEquals(3, query("SELECT count(*) FROM inbound_messages"));
    }

    @Test
    void aMessageOverTheSizeLimitIsKeptAndRejectedNotLost() {
        Person alice = employee("Alice");
        Person admin = admin("Ada");
        String big = "x".repeat(76) + "\n";
        send(plain(alice.email(), "Gros fichier", big.repeat(3 * 1024 * 1024 / 77)));
        send(plain(alice.email(), "Petit", "Après le gros."));
        awaitInbound(2);

        assertEquals(List.of("Petit"), strings("SELECT title FROM tickets"));
        MessageView rejected = messages(admin, "REJECTED").getFirst();
        assertEquals("too-large", rejected.reason());
        assertEquals(true, rejected.truncated());
        assertTrue(rejected.size() > 3_000_000L);
        Api.Response retry =
                api.post("/api/v1/admin/inbound/messages/" + rejected.id() + "/retry", admin.token(), Map.of());
        assertEquals(200, retry.status(), retry::toString);
        awaitInbound(2);
        assertEquals(
                "REJECTED",
                strings("SELECT status FROM inbound_messages WHERE id = " + rejected.id())
                        .getFirst());
    }

    @Test
    void aMailStormFromOneSenderIsCutByTheRateLimit() {
        Person alice = employee("Alice");
        for (int i = 0; i < SENDER_LIMIT + 2; i++) {
            send(plain(alice.email(), "Message " + i, "Encore un."));
        }
        awaitInbound(SENDER_LIMIT + 2);

        assertEquals(SENDER_LIMIT, query("SELECT count(*) FROM tickets"));
        assertEquals(2, query("SELECT count(*) FROM inbound_messages WHERE reason = 'rate-limited'"));
    }

    @Test
    void mailFromGuichetsOwnAddressIsIgnored() {
        employee("Alice");
        send(plain("Guichet <guichet@" + HOST + ">", "[#1] Demande reçue", "Loop?"));
        awaitInbound(1);

        assertEquals(0, query("SELECT count(*) FROM tickets"));
        assertEquals(List.of("own-address"), strings("SELECT reason FROM inbound_messages"));
    }

    @Test
    void adminsSeeEachMailboxWithoutItsPassword() {
        Person admin = admin("Ada");
        Person alice = employee("Alice");
        send(plain(alice.email(), "Test", "Bonjour."));
        awaitInbound(1);

        Api.Response overview = api.get("/api/v1/admin/inbound/mailboxes", admin.token());
        assertEquals(200, overview.status());
        assertFalse(overview.body().contains("secret"), overview.body());
        InboundController.MailboxView box =
                overview.as(InboundController.Overview.class).mailboxes().getFirst();
        assertEquals(HELPDESK, box.name());
        assertEquals(true, box.healthy());
        assertTrue(box.lastSuccessAt() != null);
        assertEquals(1L, box.counts().get("processed"));
        assertEquals(
                403, api.get("/api/v1/admin/inbound/mailboxes", alice.token()).status());
    }

    private TicketResponse onlyTicket(Person requester) {
        List<TicketResponse> items = api.get("/api/v1/tickets", requester.token())
                .as(TicketPage.class)
                .items();
        assertEquals(1, items.size(), items::toString);
        return api.get("/api/v1/tickets/" + items.getFirst().id(), requester.token())
                .as(TicketResponse.class);
    }

    private List<MessageView> messages(Person admin, String status) {
        return api.get("/api/v1/admin/inbound/messages?status=" + status, admin.token())
                .asList(MessageView.class);
    }

    private void reply(Person who, long ticketId, String body, String status) {
        Api.Response r = api.post(
                "/api/v1/tickets/" + ticketId + "/comments",
                who.token(),
                new CommentController.CreateComment(body, null, TicketStatus.valueOf(status)));
        assertEquals(201, r.status(), r::toString);
    }

    static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String textOf(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof String s) {
                return s;
            }
            var multipart = (jakarta.mail.internet.MimeMultipart) content;
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
