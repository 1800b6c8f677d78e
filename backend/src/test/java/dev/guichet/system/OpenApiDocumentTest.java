package dev.guichet.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document is usable by a generated client: every operation has a unique, readable
 * operationId (camelCase, such as {@code listTickets}; no {@code _1} suffix), documents its error responses as RFC 9457
 * problems, and protected operations document 401. Structural lint runs in the SPA's
 * {@code npm run lint:api} (Redocly).
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** @return the generated OpenAPI document as untyped YAML: the test checks the document's own shape */
    @SuppressWarnings("unchecked")
    static Map<String, Object> document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/swagger/guichet.yml")) {
            assertNotNull(in, "the build generates META-INF/swagger/guichet.yml");
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsNamedAndDocumentsItsProblems() throws IOException {
        Map<String, Object> doc = document();
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean securedByDefault = doc.containsKey("security");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String where = method.toUpperCase() + " " + path;
            String id = (String) operation.get("operationId");
            if (id == null || !id.matches("[a-z][A-Za-z]*")) {
                wrong.add(where + ": operationId " + id + " is not a readable camelCase name");
            } else if (!ids.add(id)) {
                wrong.add(where + ": operationId " + id + " is used twice");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            List<String> problems = responses.keySet().stream()
                    .filter(code -> code.startsWith("4"))
                    .toList();
            if (problems.isEmpty()) {
                wrong.add(where + ": documents no 4xx response");
            }
            for (String code : problems) {
                Map<String, Object> content =
                        (Map<String, Object>) ((Map<String, Object>) responses.get(code)).get("content");
                if (content == null || !content.containsKey("application/problem+json")) {
                    wrong.add(where + ": " + code + " is not documented as application/problem+json");
                }
            }
            boolean anonymous = operation.containsKey("security") && ((List<?>) operation.get("security")).isEmpty();
            if (securedByDefault
                    && !anonymous
                    && !path.startsWith("/api/v1/auth/")
                    && !path.startsWith("/api/v1/public/")
                    && !responses.containsKey("401")) {
                wrong.add(where + ": requires a login but documents no 401");
            }
        }));
        assertEquals(List.of(), wrong);
    }
}
