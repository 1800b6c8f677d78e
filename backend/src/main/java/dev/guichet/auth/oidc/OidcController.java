package dev.guichet.auth.oidc;

import dev.guichet.auth.TokenResponse;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.WebSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Company single sign-on through OpenID Connect (see {@link OidcLogin}). The browser navigates to
 * {@code /login}, comes back to {@code /callback} from the provider and lands on the SPA's
 * {@code /login/sso} page, which POSTs {@code /exchange} to get the usual token pair. Failures land on
 * {@code /login?sso_error=<reason>}.
 */
@Controller("/api/v1/auth/oidc")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
@ProblemResponses.RateLimited
public class OidcController {

    private static final Logger LOG = LoggerFactory.getLogger(OidcController.class);
    /** Binds a login under way to the browser that started it (HttpOnly, path-scoped). */
    static final String BROWSER_COOKIE = "guichet_oidc";
    /** Carries the single-use exchange code from the callback to the SPA's POST (HttpOnly). */
    static final String EXCHANGE_COOKIE = "guichet_sso";

    private static final String COOKIE_PATH = "/api/v1/auth/oidc";

    private final OidcLogin login;
    private final boolean secureCookies;

    OidcController(OidcLogin login, WebSettings web) {
        this.login = login;
        this.secureCookies = web.baseUrl().startsWith("https:");
    }

    /**
     * Starts a login: 302 to the provider's authorization endpoint. 404 {@code oidc-not-configured};
     * 503 {@code oidc-unavailable}.
     *
     * @param redirect an SPA path to return to afterwards (anything but a local path is ignored)
     */
    @ProblemResponses.NotFound
    @Get("/login")
    public MutableHttpResponse<?> startOidcLogin(@Nullable @QueryValue String redirect) {
        OidcLogin.Start start = login.start(localPath(redirect));
        return found(start.authorizationUri())
                .cookie(cookie(BROWSER_COOKIE, start.browserBinding(), OidcLogin.LOGIN_TTL));
    }

    /**
     * The provider's redirect back: 302 to the SPA's {@code /login/sso} with the exchange code in an
     * HttpOnly cookie, or to {@code /login?sso_error=<reason>}.
     */
    @ProblemResponses.BadRequest
    @Get("/callback")
    public MutableHttpResponse<?> finishOidcLogin(
            @Nullable @QueryValue String code,
            @Nullable @QueryValue String state,
            @Nullable @QueryValue String error,
            HttpRequest<?> request) {
        String browser = request.getCookies()
                .findCookie(BROWSER_COOKIE)
                .map(Cookie::getValue)
                .orElse(null);
        Cookie clearBrowser = cookie(BROWSER_COOKIE, "", Duration.ZERO);
        try {
            OidcLogin.Finished finished = login.finish(error == null ? code : null, state, browser);
            UriBuilder target = UriBuilder.of("/login/sso");
            if (finished.redirect() != null) {
                target.queryParam("redirect", finished.redirect());
            }
            return found(target.build())
                    .cookie(clearBrowser)
                    .cookie(cookie(
                            EXCHANGE_COOKIE, finished.exchangeCode(), Duration.ofSeconds(OidcLogin.EXCHANGE_SECONDS)));
        } catch (OidcFailure failure) {
            LOG.warn("Single sign-on refused ({}): {}", failure.slug(), failure.getMessage());
            return found(UriBuilder.of("/login")
                            .queryParam("sso_error", failure.slug())
                            .build())
                    .cookie(clearBrowser);
        }
    }

    /**
     * Trades the exchange cookie for Guichet's token pair (once); 401 {@code sso-exchange-invalid}.
     * The cookie is cleared either way.
     */
    @ProblemResponses.Unauthorized
    @Post("/exchange")
    public MutableHttpResponse<TokenResponse> exchangeOidcCode(HttpRequest<?> request) {
        String code = request.getCookies()
                .findCookie(EXCHANGE_COOKIE)
                .map(Cookie::getValue)
                .orElse(null);
        TokenResponse tokens = login.exchange(code);
        return HttpResponse.ok(tokens).cookie(cookie(EXCHANGE_COOKIE, "", Duration.ZERO));
    }

    /** 302 Found: never 301, which browsers cache, and the login URL must reach Guichet every time. */
    private static MutableHttpResponse<?> found(URI location) {
        return HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private Cookie cookie(String name, String value, Duration maxAge) {
        // Lax: the provider's redirect back is a top-level cross-site GET, which Lax cookies follow.
        return Cookie.of(name, value)
                .httpOnly(true)
                .secure(secureCookies)
                .path(COOKIE_PATH)
                .sameSite(SameSite.Lax)
                .maxAge(maxAge.toSeconds());
    }

    /** Keeps only paths of this site ("/tickets/42"), never "//host" or "/\host", so no open redirect. */
    private static String localPath(String redirect) {
        if (redirect == null
                || redirect.length() > 1000
                || !redirect.startsWith("/")
                || redirect.startsWith("//")
                || redirect.contains("\\")
                || redirect.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        URI parsed;
        try {
            parsed = URI.create(redirect);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return parsed.getScheme() == null && parsed.getHost() == null ? redirect : null;
    }
}
