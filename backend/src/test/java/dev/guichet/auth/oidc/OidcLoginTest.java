package dev.guichet.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.LoginResponse;
import dev.guichet.auth.SignInOptionsController;
import dev.guichet.auth.TokenResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.support.TestDatabase;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserResponse;
import dev.guichet.web.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect single sign-on against a real OIDC server started in the test (NAV's
 * mock-oauth2-server): the browser's redirects are followed by hand, cookies included, so every
 * check the relying party makes (state, browser binding, PKCE, ID token signature, audience, expiry,
 * nonce, email domain) is exercised. Local login is turned off here, except for a break-glass admin.
 */
class OidcLoginTest extends ApiTest {

    private static final String ISSUER_ID = "acme";
    private static final String CLIENT_ID = "guichet";
    /** The next answer of the token endpoint, when a test crafts it (used once), and its status. */
    private volatile String craftedTokenResponse;

    private volatile int craftedStatus = 200;
    /** The form body of the token request that the crafted answer replied to. */
    private volatile String answeredTokenRequest;

    private final MockOAuth2Server provider = new MockOAuth2Server(new Route() {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return craftedTokenResponse != null
                    && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = craftedTokenResponse;
            int status = craftedStatus;
            craftedTokenResponse = null;
            craftedStatus = 200;
            answeredTokenRequest = URLDecoder.decode(request.getBody(), StandardCharsets.UTF_8);
            return new OAuth2HttpResponse(okhttp3.Headers.of("Content-Type", "application/json"), status, body, null);
        }
    });
    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        provider.start();
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("guichet.oidc.issuer", provider.issuerUrl(ISSUER_ID).toString());
        properties.put("guichet.oidc.client-id", CLIENT_ID);
        properties.put("guichet.oidc.client-secret", "not-a-real-secret");
        properties.put("guichet.oidc.provider-name", "Acme");
        properties.put("guichet.oidc.allowed-domains", "acme.test");
        properties.put("guichet.oidc.technician-groups", "helpdesk-techs");
        properties.put("guichet.oidc.admin-groups", "helpdesk-admins");
        properties.put("guichet.local-login.enabled", "false");
        properties.put("guichet.local-login.break-glass-emails", "root@acme.test");
        return properties;
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
    }

    /** What the browser holds after the provider redirected back to Guichet. */
    private record Callback(int status, String location, Map<String, String> cookies) {
        String ssoError() {
            return query(location).get("sso_error");
        }
    }

    private void identity(
            String subject, String email, List<String> audience, long expirySeconds, List<String> groups) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        claims.put("name", "Jeanne Dupont");
        claims.put("locale", "en-GB");
        claims.put("groups", groups);
        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, expirySeconds));
    }

    private void identity(String email, List<String> groups) {
        identity("sub-" + email, email, List.of(CLIENT_ID), 3600, groups);
    }

    /** Starts at Guichet, goes through the provider, and stops at Guichet's callback answer. */
    private Callback signIn(java.util.function.UnaryOperator<String> tamperCallbackQuery) {
        HttpResponse<String> start =
                get(server.getURI().resolve("/api/v1/auth/oidc/login?redirect=/tickets/42"), Map.of());
        assertEquals(302, start.statusCode(), start::body);
        Map<String, String> cookies = cookies(start);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        Map<String, String> params = query(authorize.toString());
        assertEquals("S256", params.get("code_challenge_method"));
        assertNotNull(params.get("nonce"));
        HttpResponse<String> atProvider = get(authorize, Map.of());
        assertEquals(302, atProvider.statusCode(), atProvider::body);
        URI back = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
        assertEquals("/api/v1/auth/oidc/callback", back.getPath());
        String query = tamperCallbackQuery.apply(back.getRawQuery());
        HttpResponse<String> callback = get(server.getURI().resolve("/api/v1/auth/oidc/callback?" + query), cookies);
        Map<String, String> after = new HashMap<>(cookies);
        after.putAll(cookies(callback));
        return new Callback(
                callback.statusCode(), callback.headers().firstValue("Location").orElse(""), after);
    }

    private Callback signIn() {
        return signIn(q -> q);
    }

    private Api.Response exchange(Callback callback) {
        String cookie = Optional.ofNullable(callback.cookies().get(OidcController.EXCHANGE_COOKIE))
                .orElse("");
        return api.send(
                "POST",
                "/api/v1/auth/oidc/exchange",
                null,
                null,
                cookie.isEmpty() ? Map.of() : Map.of("Cookie", OidcController.EXCHANGE_COOKIE + "=" + cookie));
    }

    @Test
    void anEmployeeSignsInWithTheCompanyAccountAndGetsTheUsualTokenPair() {
        identity("jeanne.dupont@acme.test", List.of());
        Callback callback = signIn();
        assertEquals(302, callback.status());
        assertTrue(callback.location().startsWith("/login/sso"), callback::toString);
        assertEquals("/tickets/42", query(callback.location()).get("redirect"));
        assertFalse(callback.location().contains("token"), "no token in a URL");

        Api.Response tokens = exchange(callback);
        assertEquals(200, tokens.status(), tokens::toString);
        TokenResponse pair = tokens.as(TokenResponse.class);
        UserResponse me = me(pair.accessToken());
        assertEquals(
                List.of("jeanne.dupont@acme.test", "Jeanne Dupont", Role.EMPLOYEE, "en"),
                List.of(me.email(), me.fullName(), me.role(), me.locale()));
        assertEquals(200, refresh(pair.refreshToken()).status());
        // The exchange code is single use.
        assertEquals(
                "https://guichet.dev/problems/sso-exchange-invalid",
                assertProblem(401, exchange(callback)).type());

        // A second login finds the same account.
        identity("jeanne.dupont@acme.test", List.of());
        assertEquals(200, exchange(signIn()).status());
        assertEquals(1L, countUsers());
    }

    @Test
    void aWrongStateIsRefused() {
        Callback callback = signIn(q -> q.replaceAll("state=[^&]+", "state=forged-by-an-attacker"));
        assertEquals("state-invalid", callback.ssoError());
        assertEquals(401, exchange(callback).status());
        assertEquals(0L, countUsers());
    }

    @Test
    void aReplayedCodeIsRefused() {
        identity("jeanne.dupont@acme.test", List.of());
        HttpResponse<String> start = get(server.getURI().resolve("/api/v1/auth/oidc/login"), Map.of());
        Map<String, String> cookies = cookies(start);
        HttpResponse<String> atProvider =
                get(URI.create(start.headers().firstValue("Location").orElseThrow()), Map.of());
        String query = URI.create(atProvider.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
        URI callback = server.getURI().resolve("/api/v1/auth/oidc/callback?" + query);

        HttpResponse<String> first = get(callback, cookies);
        assertTrue(first.headers().firstValue("Location").orElseThrow().startsWith("/login/sso"));
        HttpResponse<String> replay = get(callback, cookies);

        assertEquals(
                "state-invalid",
                query(replay.headers().firstValue("Location").orElseThrow()).get("sso_error"));
        assertFalse(cookies(replay).containsKey(OidcController.EXCHANGE_COOKIE));
    }

    @Test
    void aCallbackInAnotherBrowserThanTheOneThatStartedIsRefused() {
        identity("jeanne.dupont@acme.test", List.of());
        Callback callback = signIn(q -> q);
        // The same callback URL opened by a victim's browser (login CSRF): no binding cookie.
        HttpResponse<String> start = get(server.getURI().resolve("/api/v1/auth/oidc/login"), Map.of());
        HttpResponse<String> atProvider =
                get(URI.create(start.headers().firstValue("Location").orElseThrow()), Map.of());
        String query = URI.create(atProvider.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
        HttpResponse<String> foreign = get(server.getURI().resolve("/api/v1/auth/oidc/callback?" + query), Map.of());
        assertEquals(
                "state-invalid",
                query(foreign.headers().firstValue("Location").orElseThrow()).get("sso_error"));
        Api.Response tokens = exchange(callback);
        assertEquals(200, tokens.status(), tokens::toString);
    }

    /**
     * Signs in while the provider's token endpoint answers with an ID token made here, signed with the
     * provider's own key and carrying the login's nonce, so only the claim under test is wrong.
     */
    private Callback signInWithIdToken(List<String> audience, long expirySeconds) {
        HttpResponse<String> start = get(server.getURI().resolve("/api/v1/auth/oidc/login"), Map.of());
        Map<String, String> cookies = cookies(start);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", "jeanne.dupont@acme.test");
        claims.put("nonce", query(authorize.toString()).get("nonce"));
        HttpResponse<String> atProvider = get(authorize, Map.of());
        String query = URI.create(atProvider.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
        String idToken = provider.issueToken(
                        ISSUER_ID,
                        CLIENT_ID,
                        new DefaultOAuth2TokenCallback(ISSUER_ID, "sub-1", "JWT", audience, claims, expirySeconds))
                .serialize();
        craftedTokenResponse =
                "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + idToken
                        + "\"}";
        HttpResponse<String> callback = get(server.getURI().resolve("/api/v1/auth/oidc/callback?" + query), cookies);
        assertEquals(null, craftedTokenResponse, "the token endpoint was called");
        Map<String, String> after = new HashMap<>(cookies);
        after.putAll(cookies(callback));
        return new Callback(
                callback.statusCode(), callback.headers().firstValue("Location").orElse(""), after);
    }

    @Test
    void theCraftedIdTokenOfTheAudienceAndExpiryTestsIsAcceptedWhenRight() {
        assertTrue(signInWithIdToken(List.of(CLIENT_ID), 3600).location().startsWith("/login/sso"));
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        Callback callback = signInWithIdToken(List.of("some-other-app"), 3600);
        assertEquals("token-invalid", callback.ssoError());
        assertEquals(401, exchange(callback).status());
        assertEquals(0L, countUsers());
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Callback callback = signInWithIdToken(List.of(CLIENT_ID), -600);
        assertEquals("token-invalid", callback.ssoError());
        assertEquals(0L, countUsers());
    }

    @Test
    void anEmailOutsideTheAllowedDomainsIsRefusedAndNoAccountIsCreated() {
        identity("mallory@evil.test", List.of("helpdesk-admins"));
        Callback callback = signIn();
        assertEquals("domain-not-allowed", callback.ssoError());
        assertEquals(0L, countUsers());
    }

    @Test
    void theRoleFollowsTheDirectoryGroupFromOneLoginToTheNext() {
        identity("theo@acme.test", List.of("helpdesk-techs"));
        String technicianToken = tokens(exchange(signIn())).accessToken();
        assertEquals(Role.TECHNICIAN, me(technicianToken).role());
        assertEquals(200, api.get("/api/v1/tickets?view=queue", technicianToken).status());

        identity("theo@acme.test", List.of("accounting"));
        String employeeToken = tokens(exchange(signIn())).accessToken();

        assertEquals(Role.EMPLOYEE, me(employeeToken).role());
        // The token issued while a technician no longer works.
        assertProblem(401, api.get("/api/v1/me", technicianToken));
    }

    /** Makes the provider's next token answer a refresh with an ID token listing these groups. */
    private void providerRefreshes(String subject, String email, List<String> groups, String rotatedRefreshToken) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        claims.put("groups", groups);
        String idToken = provider.issueToken(
                        ISSUER_ID,
                        CLIENT_ID,
                        new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600))
                .serialize();
        craftedTokenResponse =
                "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + idToken
                        + "\""
                        + (rotatedRefreshToken == null ? "" : ",\"refresh_token\":\"" + rotatedRefreshToken + "\"")
                        + "}";
    }

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(refreshToken));
    }

    /** @return the token pair of a successful exchange or refresh */
    private static TokenResponse tokens(Api.Response response) {
        assertEquals(200, response.status(), response::toString);
        return response.as(TokenResponse.class);
    }

    private UserResponse me(String accessToken) {
        return api.get("/api/v1/me", accessToken).as(UserResponse.class);
    }

    @Test
    void aGroupChangeAtTheProviderChangesTheRoleAtTheNextRefresh() {
        identity("theo@acme.test", List.of("helpdesk-techs"));
        TokenResponse login = tokens(exchange(signIn()));
        String technicianToken = login.accessToken();
        assertEquals(Role.TECHNICIAN, me(technicianToken).role());

        providerRefreshes("sub-theo@acme.test", "theo@acme.test", List.of("accounting"), "rotated-by-the-provider");
        Api.Response refreshed = refresh(login.refreshToken());

        assertEquals(200, refreshed.status(), refreshed::toString);
        assertTrue(answeredTokenRequest.contains("grant_type=refresh_token"), answeredTokenRequest);
        assertFalse(
                refreshed.toString().contains("rotated-by-the-provider"), "the provider's token stays on the server");
        assertEquals(Role.EMPLOYEE, me(tokens(refreshed).accessToken()).role());
        assertProblem(401, api.get("/api/v1/me", technicianToken));

        // The provider rotated its refresh token: the next refresh sends the new one.
        providerRefreshes("sub-theo@acme.test", "theo@acme.test", List.of("helpdesk-admins"), null);
        Api.Response again = refresh(tokens(refreshed).refreshToken());
        assertEquals(200, again.status(), again::toString);
        assertTrue(answeredTokenRequest.contains("refresh_token=rotated-by-the-provider"), answeredTokenRequest);
        assertEquals(Role.ADMIN, me(tokens(again).accessToken()).role());
    }

    @Test
    void aProviderThatRefusesTheRefreshEndsTheSession() {
        identity("jeanne.dupont@acme.test", List.of());
        TokenResponse login = tokens(exchange(signIn()));

        // What Keycloak or Entra ID answer for a disabled user or a session ended at the provider.
        craftedStatus = 400;
        craftedTokenResponse = "{\"error\":\"invalid_grant\",\"error_description\":\"User disabled\"}";
        Problem problem = assertProblem(401, refresh(login.refreshToken()));

        assertTrue(problem.detail().contains("company sign-in session has ended"), problem::toString);
        assertProblem(401, refresh(login.refreshToken()));
    }

    @Test
    void anIdTokenForSomeoneElseAtRefreshEndsTheSession() {
        identity("jeanne.dupont@acme.test", List.of());
        TokenResponse login = tokens(exchange(signIn()));

        providerRefreshes("sub-mallory", "jeanne.dupont@acme.test", List.of("helpdesk-admins"), null);

        assertProblem(401, refresh(login.refreshToken()));
    }

    @Test
    void withoutARefreshTokenFromTheProviderRefreshesDoNotAskIt() {
        TokenResponse login = tokens(exchange(signInWithIdToken(List.of(CLIENT_ID), 3600)));

        // Were the provider asked, this refusal would end the session.
        craftedStatus = 400;
        craftedTokenResponse = "{\"error\":\"invalid_grant\"}";
        Api.Response refreshed = refresh(login.refreshToken());
        craftedTokenResponse = null;
        craftedStatus = 200;

        assertEquals(200, refreshed.status(), refreshed::toString);
    }

    @Test
    void aDeactivatedAccountCannotSignInWithTheProviderAndItsTokensStop() {
        Person root = breakGlassAdmin();
        identity("jeanne.dupont@acme.test", List.of());
        String token = tokens(exchange(signIn())).accessToken();
        long id = me(token).id();
        assertEquals(
                200,
                api.patch("/api/v1/users/" + id, root.token(), Map.of("active", false))
                        .status());

        assertProblem(401, api.get("/api/v1/me", token));
        identity("jeanne.dupont@acme.test", List.of());
        assertEquals("account-deactivated", signIn().ssoError());
    }

    @Test
    void passwordLoginIsOffExceptForTheBreakGlassAdmin() {
        users.create(new UserRequests.CreateUser("camille@acme.test", "Camille", PASSWORD, Role.EMPLOYEE, "fr"));
        assertEquals(
                "https://guichet.dev/problems/local-login-disabled",
                assertProblem(403, login("camille@acme.test", PASSWORD)).type());
        assertNotNull(breakGlassAdmin().token());
    }

    @Test
    void theLoginPageLearnsTheProviderNameAndItsLogoutEndpoint() {
        Api.Response response = api.get("/api/v1/auth/config", null);
        assertEquals(200, response.status(), response::toString);
        SignInOptionsController.SignInOptions options = response.as(SignInOptionsController.SignInOptions.class);
        assertEquals(
                List.of(false, true, "Acme", "/api/v1/auth/oidc/login", false),
                List.of(
                        options.localLoginEnabled(),
                        options.oidcEnabled(),
                        options.oidcProviderName(),
                        options.oidcLoginUrl(),
                        options.ldapEnabled()));
        String logout = options.oidcLogoutUrl();
        assertTrue(logout.startsWith(provider.issuerUrl(ISSUER_ID) + "/endsession"), logout);
        assertTrue(logout.contains("client_id=guichet"), logout);
    }

    private long countUsers() {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT count(*) FROM users", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private Person breakGlassAdmin() {
        var user = users.create(new UserRequests.CreateUser("root@acme.test", "Root", PASSWORD, Role.ADMIN, "fr"));
        Api.Response login = login("root@acme.test", PASSWORD);
        assertEquals(200, login.status(), login::toString);
        LoginResponse tokens = login.as(LoginResponse.class);
        return new Person(user.id(), "root@acme.test", tokens.accessToken(), tokens.refreshToken());
    }

    private HttpResponse<String> get(URI uri, Map<String, String> cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    String.join(
                            "; ",
                            cookies.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> cookies(HttpResponse<?> response) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            if (!value.isEmpty()) {
                cookies.put(pair.substring(0, eq).trim(), value);
            }
            assertTrue(header.toLowerCase().contains("httponly"), header);
        }
        return cookies;
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> params = new HashMap<>();
        int q = uri.indexOf('?');
        if (q < 0) {
            return params;
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
