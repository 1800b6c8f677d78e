package dev.guichet;

import dev.guichet.demo.DemoData;
import dev.guichet.demo.DemoSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * Entry point of the Guichet backend: starts the HTTP server, migrates the database with Flyway
 * and, on an empty database, creates the first admin and loads the demo helpdesk.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Guichet",
                        version = "1",
                        description = "Guichet IT helpdesk API. Errors are application/problem+json (RFC 9457).",
                        license = @License(name = "MIT", url = "https://opensource.org/licenses/MIT")),
        servers = @Server(url = "/", description = "The Guichet server that serves this document"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /**
     * Starts Guichet.
     *
     * @param args command-line arguments, passed to Micronaut
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("seed-demo")) {
            seedDemo();
            return;
        }
        Micronaut.build(args).banner(false).start();
    }

    /** {@code java -jar guichet-backend.jar seed-demo}: loads the demo helpdesk without serving HTTP. */
    private static void seedDemo() {
        // The load runs here, in the foreground: start-up must not start a second one in the background.
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(java.util.Map.of("guichet.demo.enabled", false))
                .start()) {
            int limit = context.getBean(DemoSettings.class).ticketLimit();
            int created = context.getBean(DemoData.class).load(limit);
            System.out.println("Demo helpdesk loaded: " + created + " new tickets (0 means it was already there).");
        }
    }
}
