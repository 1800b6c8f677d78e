package dev.guichet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error kind the API returns is RFC 9457 problem+json, with no internals. Request bodies are
 * maps or raw strings on purpose: they are partial, malformed or of the wrong type.
 */
class ProblemJsonTest extends ApiTest {

    Person ines;

    @BeforeEach
    void technician() {
        ines = technician("Ines");
    }

    static List<String> fields(Problem problem) {
        return problem.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void malformedJson() {
        Problem problem = assertProblem(400, api.post("/api/v1/tickets", ines.token(), "{\"title\": "));
        assertTrue(problem.detail().startsWith("The request body is not valid JSON"), problem::toString);
    }

    @Test
    void missingFieldsAreNamed() {
        Problem problem = assertProblem(400, api.post("/api/v1/tickets", ines.token(), Map.of("title", "Écran")));
        assertEquals(List.of("description"), fields(problem));
        Problem both = assertProblem(400, api.post("/api/v1/tickets", ines.token(), Map.of()));
        assertEquals(List.of("description", "title"), fields(both));
        assertEquals(
                List.of("category_id"),
                fields(assertProblem(
                        400,
                        api.post(
                                "/api/v1/tickets",
                                ines.token(),
                                Map.of("title", "t", "description", "d", "category_id", 987654)))));
    }

    @Test
    void blankAndOversizedFields() {
        assertEquals(
                List.of("title"),
                fields(assertProblem(
                        400, api.post("/api/v1/tickets", ines.token(), Map.of("title", "   ", "description", "d")))));
        assertEquals(
                List.of("title"),
                fields(assertProblem(
                        400,
                        api.post(
                                "/api/v1/tickets",
                                ines.token(),
                                Map.of("title", "x".repeat(201), "description", "d")))));
    }

    @Test
    void fieldsOfTheWrongType() {
        Problem priority = assertProblem(
                400,
                api.post(
                        "/api/v1/tickets",
                        ines.token(),
                        Map.of("title", "t", "description", "d", "priority", "URGENT")));
        assertTrue(priority.detail().contains("priority"), priority::toString);
        assertProblem(
                400,
                api.post(
                        "/api/v1/tickets",
                        ines.token(),
                        Map.of("title", "t", "description", "d", "category_id", "abc")));
        assertProblem(400, api.patch("/api/v1/tickets/1", ines.token(), Map.of("version", "latest")));
    }

    @Test
    void unknownIds() {
        assertProblem(404, api.get("/api/v1/tickets/424242", ines.token()));
        assertProblem(404, api.get("/api/v1/tickets/424242/comments", ines.token()));
        assertProblem(404, api.get("/api/v1/nothing-here", ines.token()));
        Person alice = admin("Alice");
        assertProblem(404, api.patch("/api/v1/users/424242", alice.token(), Map.of("full_name", "X")));
        assertProblem(404, api.patch("/api/v1/categories/424242", alice.token(), Map.of("name", "X")));
    }

    @Test
    void badTokensAndLowRoles() {
        assertProblem(401, api.get("/api/v1/tickets", "garbage"));
        assertProblem(403, api.get("/api/v1/users", ines.token()));
    }

    @Test
    void wrongMethodAndMissingBody() {
        Api.Response put = api.send("PUT", "/api/v1/tickets", ines.token(), Map.of());
        assertTrue(put.status() == 405 || put.status() == 404, put::toString);
        assertProblem(put.status(), put);
        assertProblem(400, api.post("/api/v1/tickets", ines.token(), null));
    }
}
