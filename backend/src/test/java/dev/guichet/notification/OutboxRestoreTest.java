package dev.guichet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.web.PageResponse;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After a backup is restored over newer data (docs/notifications.md, "Watching it"): mails waiting
 * in the dump are HELD (deployment/lib/hold-outbox.sql, run by restore.sh) and never sent until an
 * admin releases them, or discarded; and Message-IDs stay unique although ticket and outbox ids are
 * reused.
 */
class OutboxRestoreTest extends MailTest {

    @Inject
    OutboxQueries outbox;

    @Inject
    MailRenderer renderer;

    @Test
    void mailsWaitingInARestoredBackupAreHeldUntilAnAdminReleasesOrDiscardsThem() throws Exception {
        Person alice = admin("Alice");
        Person camille = employee("Camille");
        long ticketId = ticket(camille, "Imprimante", "Bourrage papier");
        delivered();
        purgeMailbox();
        String holdSql = Files.readString(Path.of("../deployment/lib/hold-outbox.sql"));
        // As restore.sh does: the dump's waiting rows are held in the restore's own transaction.
        tx.executeWrite(status -> {
            for (int i = 1; i <= 3; i++) {
                outbox.enqueue(
                        MailKind.REPLY,
                        camille.id(),
                        camille.email(),
                        "fr",
                        ticketId,
                        rendered(ticketId, "ancien " + i));
            }
            jdbc.prepareStatement(holdSql, ps -> ps.execute());
            return null;
        });
        assertEquals(3, count("status = 'HELD'"));
        // A mail queued after the restore goes out; the held ones do not.
        tx.executeWrite(status -> outbox.enqueue(
                MailKind.REPLY, camille.id(), camille.email(), "fr", ticketId, rendered(ticketId, "nouveau")));
        List<MimeMessage> fresh = delivered();
        assertEquals(1, fresh.size());
        assertTrue(
                fresh.getFirst().getSubject().contains("nouveau"),
                fresh.getFirst().getSubject());
        purgeMailbox();

        Api.Response held = api.get("/api/v1/admin/outbox?status=HELD", alice.token());
        assertEquals(200, held.status(), held::toString);
        PageResponse<OutboxItem> heldPage = held.page(OutboxItem.class);
        assertEquals(3, heldPage.total());
        List<Long> ids = heldPage.items().stream().map(OutboxItem::id).toList();
        assertProblem(403, api.post("/api/v1/admin/outbox/" + ids.get(0) + "/release", camille.token(), null));

        Api.Response released = api.post("/api/v1/admin/outbox/" + ids.get(0) + "/release", alice.token(), null);
        assertEquals(200, released.status(), released::toString);
        assertEquals(OutboxStatus.PENDING, released.as(OutboxItem.class).status());
        assertEquals(1, delivered().size());
        purgeMailbox();

        assertEquals(
                204,
                api.post("/api/v1/admin/outbox/" + ids.get(1) + "/discard", alice.token(), null)
                        .status());
        assertEquals(0, count("id = " + ids.get(1)));
        assertProblem(409, api.post("/api/v1/admin/outbox/" + ids.get(0) + "/release", alice.token(), null));
        assertProblem(409, api.post("/api/v1/admin/outbox/" + ids.get(0) + "/discard", alice.token(), null));
        assertProblem(404, api.post("/api/v1/admin/outbox/999999/release", alice.token(), null));

        Api.Response all = api.post("/api/v1/admin/outbox/held/release", alice.token(), null);
        assertEquals(200, all.status(), all::toString);
        assertEquals(1, all.as(OutboxController.Count.class).count());
        assertEquals(1, delivered().size());
        assertEquals(0, count("status = 'HELD'"));
    }

    @Test
    void messageIdsStayUniqueWhenARestoreRewindsTicketAndOutboxIds() {
        Person camille = employee("Camille");
        technician("Ines");
        ticket(camille, "Avant la restauration", "Premier ticket n° 1");
        delivered();
        Set<String> before = messageIds();
        // A restore to an earlier point: the tickets and mails are gone, their sequences start over.
        tx.executeWrite(status ->
                jdbc.prepareStatement("TRUNCATE tickets, mail_outbox RESTART IDENTITY CASCADE", ps -> ps.execute()));
        ticket(camille, "Après la restauration", "Un autre ticket n° 1");
        delivered();
        Set<String> after = messageIds();
        assertEquals(before.size(), after.size());
        Set<String> common = new HashSet<>(before);
        common.retainAll(after);
        assertTrue(common.isEmpty(), "Message-IDs or thread roots used twice: " + common);
    }

    private Set<String> messageIds() {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT message_id, in_reply_to FROM mail_outbox", ps -> {
            Set<String> ids = new HashSet<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    ids.add("root " + rs.getString(2));
                }
            }
            return ids;
        }));
    }

    private MailRenderer.Rendered rendered(long ticketId, String label) {
        return new MailRenderer.Rendered("Guichet " + label, "texte " + label, "<p>" + label + "</p>");
    }
}
