package dev.guichet.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.user.Role;
import dev.guichet.user.UserSummary;
import dev.guichet.web.Problem;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Small limits, so the tests move kilobytes rather than megabytes. The request limit is set below
// the file limit on purpose: RequestSizeLimit raises it to 1 MB + 1 MB.
@Property(name = "micronaut.server.multipart.max-file-size", value = "1MB")
@Property(name = "micronaut.server.max-request-size", value = "100KB")
@Property(name = "guichet.attachments.max-file-size", value = "1MB")
@Property(name = "guichet.attachments.ticket-quota", value = "2MB")
@Property(name = "guichet.attachments.user-quota", value = "3MB")
// Micronaut 4.10 still counts a body refused from its Content-Length (413) as in flight when the
// context stops, so graceful shutdown would wait its whole grace period (20 s) after this class.
@Property(name = "micronaut.lifecycle.graceful-shutdown.grace-period", value = "1s")
class AttachmentControllerTest extends ApiTest {

    private static final String PNG = "image/png";

    @Test
    void requesterAttachesAScreenshotAndTheTechnicianDownloadsTheExactBytes() throws Exception {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long ticket = ticket(camille, "Écran noir", "Mon écran reste noir au démarrage.");
        byte[] screenshot = Files.png(20);

        Api.Response created = api.upload(
                "/api/v1/tickets/" + ticket + "/attachments", camille.token(), "capture écran.png", PNG, screenshot);

        assertEquals(201, created.status(), created::toString);
        AttachmentResponse body = created.as(AttachmentResponse.class);
        assertEquals(ticket, body.ticketId());
        assertEquals("capture écran.png", body.fileName());
        assertEquals(PNG, body.contentType());
        assertEquals(screenshot.length, body.size());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(screenshot)), body.sha256());
        UserSummary uploader = body.uploadedBy();
        assertEquals(camille.id(), uploader.id());
        assertEquals("Camille", uploader.fullName());
        assertEquals(camille.email(), uploader.email());
        assertEquals(Role.EMPLOYEE, uploader.role());
        assertNotNull(body.createdAt());
        assertEquals("/api/v1/attachments/" + body.id(), created.header("Location"));

        for (Person reader : List.of(camille, ines)) {
            HttpResponse<byte[]> download = api.download("/api/v1/attachments/" + body.id(), reader.token());
            assertEquals(200, download.statusCode());
            assertArrayEquals(screenshot, download.body());
            assertEquals(PNG, download.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(
                    String.valueOf(screenshot.length),
                    download.headers().firstValue("Content-Length").orElseThrow());
            assertEquals(
                    "attachment; filename=\"capture _cran.png\"; filename*=UTF-8''capture%20%C3%A9cran.png",
                    download.headers().firstValue("Content-Disposition").orElseThrow());
            assertEquals(List.of("nosniff"), download.headers().allValues("X-Content-Type-Options"));
            assertEquals(
                    List.of("default-src 'none'; sandbox; frame-ancestors 'none'"),
                    download.headers().allValues("Content-Security-Policy"));
        }
    }

    @Test
    void attachmentsAreListedOnTheirTicket() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "VPN", "Le VPN coupe toutes les dix minutes.");
        api.upload(
                "/api/v1/tickets/" + ticket + "/attachments",
                camille.token(),
                "vpn.log",
                "text/plain",
                Files.text("10:02 tunnel down\n10:12 tunnel down\n"));
        api.upload(
                "/api/v1/tickets/" + ticket + "/attachments",
                camille.token(),
                "rapport.pdf",
                "application/pdf",
                Files.pdf());

        List<AttachmentResponse> listed = api.get("/api/v1/tickets/" + ticket + "/attachments", camille.token())
                .asList(AttachmentResponse.class);

        assertEquals(
                List.of("vpn.log", "rapport.pdf"),
                listed.stream().map(AttachmentResponse::fileName).toList());
        assertEquals(
                List.of("text/x-log", "application/pdf"),
                listed.stream().map(AttachmentResponse::contentType).toList());
    }

    @Test
    void officeDocumentsAreRecognizedByTheirContainer() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Macro", "La macro du classeur ne marche plus.");
        Api.Response created = api.upload(
                "/api/v1/tickets/" + ticket + "/attachments",
                camille.token(),
                "procédure.docx",
                "application/octet-stream",
                Files.docx());
        assertEquals(201, created.status(), created::toString);
        assertEquals(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                created.as(AttachmentResponse.class).contentType());
    }

    @Test
    void anotherEmployeeCannotListNorDownloadNorUpload() {
        Person camille = employee("Camille");
        Person bob = employee("Bob");
        long ticket = ticket(camille, "Imprimante", "Bourrage papier.");
        long id = api.upload("/api/v1/tickets/" + ticket + "/attachments", camille.token(), "a.png", PNG, Files.png(1))
                .as(AttachmentResponse.class)
                .id();

        assertProblem(404, api.get("/api/v1/attachments/" + id, bob.token()));
        assertProblem(404, api.get("/api/v1/tickets/" + ticket + "/attachments", bob.token()));
        assertProblem(
                404, api.upload("/api/v1/tickets/" + ticket + "/attachments", bob.token(), "b.png", PNG, Files.png(1)));
        assertProblem(404, api.get("/api/v1/attachments/999999", camille.token()));
        assertEquals(1, count("attachments"));
    }

    @Test
    void anonymousCallerCannotDownload() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Imprimante", "Bourrage papier.");
        long id = api.upload("/api/v1/tickets/" + ticket + "/attachments", camille.token(), "a.png", PNG, Files.png(1))
                .as(AttachmentResponse.class)
                .id();
        assertProblem(401, api.get("/api/v1/attachments/" + id, null));
    }

    @Inject
    HttpServerConfiguration serverConfiguration;

    @Test
    void theRequestLimitMakesRoomForTheLargestUpload() {
        assertEquals(2 * 1024 * 1024, serverConfiguration.getMaxRequestSize());
    }

    @Test
    void oversizedUploadIsRefusedWith413AndNothingIsStored() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Gros fichier", "Voici une capture très lourde.");
        byte[] big = Files.png(2600);
        assertTrue(big.length > 2 * 1024 * 1024, () -> "size " + big.length);

        Api.Response refused =
                api.upload("/api/v1/tickets/" + ticket + "/attachments", camille.token(), "big.png", PNG, big);

        Problem problem = assertProblem(413, refused);
        assertFalse(problem.detail().isBlank());
        assertEquals("nosniff", refused.header("X-Content-Type-Options"));
        assertEquals(0, count("attachments"));
        assertEquals(0, count("attachment_contents"));
    }

    @Test
    void fileJustOverTheFileLimitButUnderTheRequestLimitIsAlsoRefused() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Gros fichier", "Un peu trop lourd.");
        byte[] big = Files.png(1040);
        assertTrue(big.length > 1024 * 1024 && big.length < 2 * 1024 * 1024, () -> "size " + big.length);

        assertProblem(
                413, api.upload("/api/v1/tickets/" + ticket + "/attachments", camille.token(), "big.png", PNG, big));
        assertEquals(0, count("attachment_contents"));
    }

    @Test
    void pngRenamedPdfIsRefusedWith415() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Facture", "La facture ne s'ouvre pas.");
        Problem problem = assertProblem(
                415,
                api.upload(
                        "/api/v1/tickets/" + ticket + "/attachments",
                        camille.token(),
                        "facture.pdf",
                        "application/pdf",
                        Files.png(2)));
        assertTrue(problem.detail().contains("does not match"), problem::toString);
        assertEquals(0, count("attachments"));
    }

    @Test
    void htmlRenamedPngIsRefusedWith415() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Capture", "Voir la capture.");
        assertProblem(
                415,
                api.upload(
                        "/api/v1/tickets/" + ticket + "/attachments",
                        camille.token(),
                        "capture.png",
                        PNG,
                        Files.html()));
        assertEquals(0, count("attachments"));
    }

    @Test
    void htmlAndSvgAreRefusedEvenUnderTheirOwnNames() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Page", "Voir la page.");
        String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assertProblem(
                415,
                api.upload(
                        "/api/v1/tickets/" + ticket + "/attachments",
                        camille.token(),
                        "page.html",
                        "text/html",
                        Files.html()));
        assertProblem(
                415,
                api.upload(
                        "/api/v1/tickets/" + ticket + "/attachments",
                        camille.token(),
                        "logo.svg",
                        "image/svg+xml",
                        Files.text(svg)));
        assertEquals(0, count("attachments"));
    }

    @Test
    void pathTraversalFileNameIsStoredSanitized() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Journal", "Voir le journal.");
        Api.Response created = api.upload(
                "/api/v1/tickets/" + ticket + "/attachments",
                camille.token(),
                "../../etc/\u202Egnp.\u0007passwd.txt",
                "text/plain",
                Files.text("root:x:0:0\n"));

        assertEquals(201, created.status(), created::toString);
        assertEquals("gnp.passwd.txt", created.as(AttachmentResponse.class).fileName());
        String stored = tx.executeRead(status -> jdbc.prepareStatement("SELECT file_name FROM attachments", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
        assertEquals("gnp.passwd.txt", stored);
    }

    @Test
    void windowsPathsKeepOnlyTheFileName() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Journal", "Voir le journal.");
        Api.Response created = api.upload(
                "/api/v1/tickets/" + ticket + "/attachments",
                camille.token(),
                "C:\\Users\\camille\\Bureau\\erreur.txt",
                "text/plain",
                Files.text("Erreur 0x80070005\n"));
        assertEquals("erreur.txt", created.as(AttachmentResponse.class).fileName());
    }

    @Test
    void ticketQuotaIsEnforced() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Captures", "Plusieurs captures.");
        byte[] shot = Files.png(800);
        String path = "/api/v1/tickets/" + ticket + "/attachments";
        assertEquals(201, api.upload(path, camille.token(), "1.png", PNG, shot).status());
        assertEquals(201, api.upload(path, camille.token(), "2.png", PNG, shot).status());

        Problem problem = assertProblem(413, api.upload(path, camille.token(), "3.png", PNG, shot));

        assertEquals("https://guichet.dev/problems/ticket-quota-exceeded", problem.type());
        assertTrue(problem.detail().contains("quota of 2.0 MB"), problem::toString);
        assertEquals(2, count("attachments"));
    }

    @Test
    void userQuotaIsEnforcedAcrossTickets() {
        Person camille = employee("Camille");
        byte[] shot = Files.png(800);
        long first = ticket(camille, "Un", "Premier ticket.");
        long second = ticket(camille, "Deux", "Deuxième ticket.");
        assertEquals(
                201,
                api.upload("/api/v1/tickets/" + first + "/attachments", camille.token(), "1.png", PNG, shot)
                        .status());
        assertEquals(
                201,
                api.upload("/api/v1/tickets/" + first + "/attachments", camille.token(), "2.png", PNG, shot)
                        .status());
        assertEquals(
                201,
                api.upload("/api/v1/tickets/" + second + "/attachments", camille.token(), "3.png", PNG, shot)
                        .status());

        Problem problem = assertProblem(
                413, api.upload("/api/v1/tickets/" + second + "/attachments", camille.token(), "4.png", PNG, shot));

        assertEquals("https://guichet.dev/problems/user-quota-exceeded", problem.type());
        assertEquals(3, count("attachments"));
    }

    @Test
    void technicianAttachesToAnyTicketButNobodyToAClosedOne() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long ticket = ticket(camille, "Poste lent", "Mon poste est très lent.");
        assertEquals(
                201,
                api.upload(
                                "/api/v1/tickets/" + ticket + "/attachments",
                                ines.token(),
                                "procédure.txt",
                                "text/plain",
                                Files.text("Redémarrer puis vider le cache.\n"))
                        .status());

        for (String status : List.of("IN_PROGRESS", "RESOLVED", "CLOSED")) {
            change(ines, ticket, Map.of("status", status));
        }

        assertEquals(
                "https://guichet.dev/problems/ticket-closed",
                assertProblem(
                                409,
                                api.upload(
                                        "/api/v1/tickets/" + ticket + "/attachments",
                                        camille.token(),
                                        "encore.txt",
                                        "text/plain",
                                        Files.text("x\n")))
                        .type());
        assertEquals(1, count("attachments"));
    }

    @Test
    void emptyFileIsRefused() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Vide", "Fichier vide.");
        assertProblem(
                400,
                api.upload(
                        "/api/v1/tickets/" + ticket + "/attachments",
                        camille.token(),
                        "vide.txt",
                        "text/plain",
                        new byte[0]));
    }

    @Test
    void deletingATicketDeletesItsFiles() {
        Person camille = employee("Camille");
        long ticket = ticket(camille, "Éphémère", "À supprimer.");
        api.upload(
                "/api/v1/tickets/" + ticket + "/attachments",
                camille.token(),
                "a.txt",
                "text/plain",
                "bonjour".getBytes(StandardCharsets.UTF_8));
        tx.executeWrite(status -> jdbc.prepareStatement("DELETE FROM tickets WHERE id = ?", ps -> {
            ps.setLong(1, ticket);
            return ps.executeUpdate();
        }));
        assertEquals(0, count("attachments"));
        assertEquals(0, count("attachment_contents"));
    }

    private long count(String table) {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT count(*) FROM " + table, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
