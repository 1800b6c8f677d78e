package dev.guichet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The jar serves the SPA on its own URLs, so a deep link or a reload works without nginx. */
class SpaFallbackTest extends ApiTest {

    HttpResponse<String> page(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Accept", "text/html")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeepLinkOfTheSpaAnswersItsIndexPage() throws Exception {
        HttpResponse<String> deep = page("GET", "/tickets/42");
        assertEquals(200, deep.statusCode());
        assertTrue(deep.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(deep.body().contains("<div id=\"root\">"));
        assertEquals(200, page("HEAD", "/tickets/42").statusCode());
    }

    @Test
    void apiPathsKeepTheirProblem404() {
        Person ines = technician("Ines");
        Api.Response unknown = api.get("/api/v1/unknown", ines.token());
        assertProblem(404, unknown);
        assertTrue(!unknown.body().contains("<div id=\"root\">"));
    }
}
