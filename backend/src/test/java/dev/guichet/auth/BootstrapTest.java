package dev.guichet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.support.ApiTest;
import dev.guichet.system.Bootstrap;
import dev.guichet.user.Role;
import dev.guichet.user.UserResponse;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@Property(name = "guichet.admin.email", value = "First.Admin@Example.test")
@Property(name = "guichet.admin.password", value = "a-long-admin-passphrase")
class BootstrapTest extends ApiTest {

    @Inject
    Bootstrap bootstrap;

    @Test
    void anEmptyDatabaseGetsTheFirstAdminFromTheEnvironment() {
        bootstrap.onApplicationEvent(null);
        var login = login("first.admin@example.test", "a-long-admin-passphrase");
        assertEquals(200, login.status(), login::toString);
        String token = login.as(LoginResponse.class).accessToken();
        assertEquals(
                Role.ADMIN, api.get("/api/v1/me", token).as(UserResponse.class).role());
    }

    @Test
    void aDatabaseWithAccountsIsLeftAlone() {
        employee("Camille");
        bootstrap.onApplicationEvent(null);
        assertEquals(
                401,
                login("first.admin@example.test", "a-long-admin-passphrase").status());
    }
}
