package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The CSV export of a queue view: round trip through Commons CSV, formula injection, the list's filters, streaming. */
class TicketExportTest extends ApiTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFrenchExportReadsBackWithCommonsCsvAndNeutralisesFormulas() {
        Person camille = employee("Camille");
        Person hugo = technician("Hugo");
        List<String> titles = List.of(
                "Imprimante; « bourrage » \"papier\"",
                "=HYPERLINK(\"http://evil.example\",\"clic\")",
                "+33 1 23 45 67 89",
                "-2 écrans",
                "@SUM(A1:A2)",
                "Ligne un\nligne deux, accentuée é à ç");
        List<Long> ids = new ArrayList<>();
        for (String title : titles) {
            ids.add(tx.executeWrite(s -> jdbc.prepareStatement(
                    "INSERT INTO tickets (title, description, requester_id) VALUES (?, 'x', ?) RETURNING id", ps -> {
                        ps.setString(1, title);
                        ps.setLong(2, camille.id());
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    })));
        }
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO satisfaction_surveys (ticket_id, score, comment) VALUES (?, 2, ?)", ps -> {
                    ps.setLong(1, ids.getFirst());
                    ps.setString(2, "\tpas terrible");
                    return ps.executeUpdate();
                }));

        HttpResponse<byte[]> response = export("sort=id,asc", hugo.token(), "fr-FR,fr;q=0.9,en;q=0.5");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/csv"));
        assertTrue(response.headers()
                .firstValue("content-disposition")
                .orElseThrow()
                .contains("demandes-"));
        assertArrayEquals(BOM, Arrays.copyOf(response.body(), 3));
        List<CSVRecord> rows = parse(response.body(), ';');
        assertEquals("N°", rows.getFirst().get(0));
        assertEquals("Satisfaction (1 à 5)", rows.getFirst().get(15));
        List<String> exported =
                rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList();
        assertEquals(
                List.of(
                        "Imprimante; « bourrage » \"papier\"",
                        "'=HYPERLINK(\"http://evil.example\",\"clic\")",
                        "'+33 1 23 45 67 89",
                        "'-2 écrans",
                        "'@SUM(A1:A2)",
                        "Ligne un\nligne deux, accentuée é à ç"),
                exported);
        CSVRecord first = rows.get(1);
        assertEquals(String.valueOf(ids.getFirst()), first.get(0));
        assertEquals("Nouveau", first.get(2));
        assertEquals("Moyenne", first.get(3));
        assertEquals("Camille", first.get(5));
        assertEquals("2", first.get(15));
        assertEquals("'\tpas terrible", first.get(16));
        assertTrue(first.get(8).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), first.get(8));
        assertEquals("", rows.get(2).get(15));
    }

    @Test
    void anEnglishExportUsesCommasAndEnglishHeaders() {
        Person camille = employee("Camille");
        ticket(camille, "Mouse, broken", "x");

        List<CSVRecord> rows =
                parse(export("", camille.token(), "en-GB,en;q=0.9").body(), ',');

        assertEquals(List.of("No.", "Title", "Status"), rows.getFirst().toList().subList(0, 3));
        assertEquals(List.of("Mouse, broken", "New"), rows.get(1).toList().subList(1, 3));
    }

    @Test
    void theExportHoldsExactlyTheRowsOfTheQueueViewAndAnEmployeesOwnTicketsOnly() {
        Person camille = employee("Camille");
        Person zoe = employee("Zoe");
        Person hugo = technician("Hugo");
        long printer = ticket(camille, "Imprimante du 2e", "Bourrage papier");
        long vpn = ticket(camille, "VPN", "Coupé");
        long other = ticket(zoe, "Imprimante couleur", "Bourrage papier");
        change(hugo, vpn, Map.of("assignee_id", hugo.id(), "priority", "HIGH"));

        for (String query : List.of(
                "",
                "q=imprimante",
                "status=IN_PROGRESS",
                "priority=HIGH&priority=LOW",
                "assignee_id=me",
                "assignee_id=none",
                "requester_id=" + zoe.id(),
                "q=bourrage&sort=title,asc")) {
            List<Long> listed = ids(api.get(
                    "/api/v1/tickets?size=100&" + query + (query.contains("sort") ? "" : "&sort=created_at,desc"),
                    hugo.token()));
            assertEquals(listed, exportedIds(export(query, hugo.token(), "fr")), query);
        }
        assertEquals(List.of(vpn, printer), exportedIds(export("", camille.token(), "fr")));
        // An employee asking for someone else's tickets gets none, as in the list.
        assertEquals(List.of(), exportedIds(export("requester_id=" + zoe.id(), camille.token(), "fr")));
        assertEquals(List.of(other), exportedIds(export("", zoe.token(), "fr")));
        assertProblem(400, problem(export("sort=nope", hugo.token(), "fr")));
        assertEquals(401, export("", null, "fr").statusCode());
    }

    @Test
    void aLargeExportIsStreamed() {
        Person camille = employee("Camille");
        tx.executeWrite(s -> jdbc.prepareStatement("""
                INSERT INTO tickets (title, description, requester_id)
                SELECT 'Ticket ' || i, 'x', ? FROM generate_series(1, 5000) i""", ps -> {
            ps.setLong(1, camille.id());
            return ps.executeUpdate();
        }));

        HttpResponse<byte[]> response = export("", technician("Hugo").token(), "fr");

        assertEquals(200, response.statusCode());
        // Sent as it is produced: chunked, without a length known in advance.
        assertEquals(
                "chunked", response.headers().firstValue("transfer-encoding").orElse(null));
        assertNull(response.headers().firstValue("content-length").orElse(null));
        assertEquals(5001, parse(response.body(), ';').size());
    }

    @Test
    void theExportTakesTheSameFiltersAsTheListInTheApiDocument() {
        // Untyped YAML: the test compares the OpenAPI document itself.
        Map<String, Object> document =
                new Yaml().load(api.get("/api/openapi.yml", null).body());
        assertEquals(
                parameters(document, "/api/v1/tickets").stream()
                        .filter(p -> !Set.of("cursor", "page", "size").contains(p))
                        .toList(),
                parameters(document, "/api/v1/tickets/export.csv").stream().toList());
    }

    @SuppressWarnings("unchecked")
    private static TreeSet<String> parameters(Map<String, Object> document, String path) {
        Map<String, Object> get = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) document.get("paths")).get(path)).get("get");
        TreeSet<String> names = new TreeSet<>();
        for (Map<String, Object> parameter : (List<Map<String, Object>>) get.get("parameters")) {
            if ("query".equals(parameter.get("in"))) {
                names.add((String) parameter.get("name"));
            }
        }
        return names;
    }

    private HttpResponse<byte[]> export(String query, String token, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/api/v1/tickets/export.csv?" + query))
                .header("Accept-Language", language)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Api.Response problem(HttpResponse<byte[]> response) {
        return new Api.Response(
                response.statusCode(),
                response.headers().map(),
                new String(response.body(), StandardCharsets.UTF_8),
                json);
    }

    private static List<Long> exportedIds(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode());
        List<CSVRecord> rows = parse(response.body(), ';');
        return rows.subList(1, rows.size()).stream()
                .map(r -> Long.parseLong(r.get(0)))
                .toList();
    }

    private static List<CSVRecord> parse(byte[] body, char delimiter) {
        assertArrayEquals(BOM, Arrays.copyOf(body, 3));
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try {
            return CSVFormat.EXCEL
                    .builder()
                    .setDelimiter(delimiter)
                    .get()
                    .parse(new StringReader(text))
                    .getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
