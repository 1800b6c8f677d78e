package dev.guichet.auth.ldap;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.LoginThrottle;
import dev.guichet.auth.TokenResponse;
import dev.guichet.web.ClientAddress;
import dev.guichet.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;

/** Login with the company directory's name and password (LDAP / Active Directory). */
@Controller("/api/v1/auth/ldap")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
@ProblemResponses.RateLimited
public class LdapController {

    private final LdapLogin login;
    private final LoginThrottle throttle;
    private final ClientAddress clients;

    LdapController(LdapLogin login, LoginThrottle throttle, ClientAddress clients) {
        this.login = login;
        this.throttle = throttle;
        this.clients = clients;
    }

    /**
     * Exchanges a directory name and password for the usual token pair. The same throttle and lockout
     * as password logins apply (per address, and per login name); 401 on bad credentials; 404
     * {@code ldap-not-configured}; 503 {@code ldap-unavailable}.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthorized
    @Post("/login")
    public TokenResponse ldapLogin(@Body @Valid AuthRequests.DirectoryLogin request, HttpRequest<?> http) {
        LoginThrottle.Attempt attempt =
                throttle.begin("ldap:" + request.username().trim().toLowerCase(Locale.ROOT), clients.of(http));
        TokenResponse tokens = login.login(request.username(), request.password());
        attempt.succeeded();
        return tokens;
    }
}
