package dev.guichet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.ApiTest;
import dev.guichet.ticket.TicketRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Problems are worded in the caller's language: both languages have every text, every problem type
 * has a title in each, and a French request reads French titles, details and field messages.
 */
class ProblemTextsTest extends ApiTest {

    static Properties texts(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemTextsTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchAndEnglishHaveTheSameTextsAndEveryTypeATitle() throws IOException {
        Properties en = texts("problems.properties");
        Properties fr = texts("problems_fr.properties");
        Set<String> onlyEnglish = new TreeSet<>(en.stringPropertyNames());
        onlyEnglish.removeAll(fr.stringPropertyNames());
        Set<String> onlyFrench = new TreeSet<>(fr.stringPropertyNames());
        onlyFrench.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "texts missing in French");
        assertEquals(Set.of(), onlyFrench, "texts missing in English");
        List<String> wrong = new ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            if (!en.containsKey(type.slug() + ".title")) {
                wrong.add(type.slug() + ".title");
            }
        }
        for (Properties p : List.of(en, fr)) {
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                new MessageFormat(pattern); // throws on a malformed pattern
                if (pattern.contains("'")) {
                    wrong.add(key + ": a straight apostrophe is eaten by MessageFormat");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The texts the code asks for by key exist: a missing one would reach the user as a bare key. */
    @Test
    void everyKeyTheCodeUsesHasItsText() throws IOException {
        Properties en = texts("problems.properties");
        java.util.regex.Pattern[] uses = {
            java.util.regex.Pattern.compile("ApiException\\.notFound\\(\"([^\"]+)\"\\)"),
            java.util.regex.Pattern.compile("ApiException\\.forbidden\\(\"([^\"]+)\""),
            java.util.regex.Pattern.compile("ApiException\\.unauthorized\\(\"([^\"]+)\""),
            java.util.regex.Pattern.compile("ApiException\\.invalidField\\([^,]+, \"([^\"]+)\""),
            java.util.regex.Pattern.compile("FieldProblem\\.of\\([^,]+, \"([^\"]+)\""),
            java.util.regex.Pattern.compile(
                    "new (?:ApiException|RateLimitedException)\\(ProblemType\\.[A-Z_]+, \"([^\"]+)\""),
        };
        String[] prefixes = {"not-found.", "forbidden.", "unauthorized.", "field.", "", ""};
        List<String> missing = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(file);
                for (int i = 0; i < uses.length; i++) {
                    var m = uses[i].matcher(source);
                    while (m.find()) {
                        String key = prefixes[i] + m.group(1);
                        if (!key.endsWith(".") && !en.containsKey(key)) {
                            missing.add(file.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        for (ProblemType type : ProblemType.values()) {
            if (!en.containsKey(type.slug() + ".detail")
                    && !en.stringPropertyNames().stream()
                            .anyMatch(k -> k.startsWith(type.slug() + ".") && !k.endsWith(".title"))) {
                missing.add(type.slug() + ": no detail");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theLanguageFollowsAcceptLanguage() {
        assertEquals(Locale.FRENCH, ProblemTexts.negotiate("fr-FR,fr;q=0.9,en;q=0.8"));
        assertEquals(Locale.ENGLISH, ProblemTexts.negotiate("en-GB,fr;q=0.5"));
        assertEquals(Locale.FRENCH, ProblemTexts.negotiate("de-DE, fr;q=0.4"));
        assertEquals(Locale.ENGLISH, ProblemTexts.negotiate(null));
        assertEquals(Locale.ENGLISH, ProblemTexts.negotiate("de"));
        assertEquals(Locale.ENGLISH, ProblemTexts.negotiate(";;;q=x"));
    }

    @Test
    void aFrenchRequestReadsItsProblemsInFrench() {
        Person camille = employee("Camille");
        Map<String, String> fr = Map.of("Accept-Language", "fr-FR,fr;q=0.9");

        Problem missing = assertProblem(404, api.send("GET", "/api/v1/tickets/987654", camille.token(), null, fr));
        assertEquals("https://guichet.dev/problems/not-found", missing.type());
        assertEquals("Introuvable", missing.title());
        assertEquals("Ticket introuvable.", missing.detail());

        TicketRequests.CreateTicket blankTitle = new TicketRequests.CreateTicket("  ", "d", null, null);
        Problem invalid = assertProblem(400, api.send("POST", "/api/v1/tickets", camille.token(), blankTitle, fr));
        assertEquals("Requête invalide", invalid.title());
        assertEquals("title", invalid.errors().getFirst().field());
        assertEquals("ne doit pas être vide", invalid.errors().getFirst().message());
        assertTrue(
                invalid.detail().startsWith("La requête est invalide : title ne doit pas être vide"),
                invalid::toString);

        Problem english = assertProblem(
                400, api.send("POST", "/api/v1/tickets", camille.token(), blankTitle, Map.of("Accept-Language", "en")));
        assertEquals("must not be blank", english.errors().getFirst().message());
        assertNotEquals(invalid.detail(), english.detail());

        Problem anonymous = assertProblem(401, api.send("GET", "/api/v1/tickets", null, null, fr));
        assertEquals("Non connecté", anonymous.title());
    }
}
