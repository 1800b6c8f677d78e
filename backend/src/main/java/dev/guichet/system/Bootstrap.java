package dev.guichet.system;

import dev.guichet.demo.DemoData;
import dev.guichet.demo.DemoLoadState;
import dev.guichet.demo.DemoSettings;
import dev.guichet.user.Role;
import dev.guichet.user.UserRepository;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserService;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start on an empty database: creates the first admin from {@code ADMIN_EMAIL} /
 * {@code ADMIN_PASSWORD}, then, unless {@code DEMO_DATA=false}, loads the demo helpdesk in the
 * background (readiness is DOWN meanwhile, see {@link DemoLoadState}). Runs
 * after Flyway has migrated (the datasource is migrated when it is created).
 */
@Singleton
public class Bootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private final UserRepository users;
    private final UserService userService;
    private final DemoData demoData;
    private final DemoLoadState demoState;
    private final AdminSettings admin;
    private final DemoSettings demo;

    Bootstrap(
            UserRepository users,
            UserService userService,
            DemoData demoData,
            DemoLoadState demoState,
            AdminSettings admin,
            DemoSettings demo) {
        this.users = users;
        this.userService = userService;
        this.demoData = demoData;
        this.demoState = demoState;
        this.admin = admin;
        this.demo = demo;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (users.anyExists()) {
            return;
        }
        if (admin.email().isBlank() || admin.password().isBlank()) {
            LOG.warn(
                    "The database has no account and ADMIN_EMAIL / ADMIN_PASSWORD are not set: no one can log in as admin");
        } else {
            userService.create(
                    new UserRequests.CreateUser(admin.email(), "Administrator", admin.password(), Role.ADMIN, "fr"));
            LOG.info("Created the first admin, {}", admin.email());
        }
        if (demo.enabled()) {
            LOG.info("Empty database: loading the demo helpdesk (DEMO_DATA=false turns this off); "
                    + "/health/readiness answers DOWN (demo: loading) until it is done");
            // In the background, so the server answers (and readiness says "loading") meanwhile.
            demoState.started();
            Thread.ofPlatform().name("demo-data").daemon(true).start(() -> {
                try {
                    demoData.load(demo.ticketLimit());
                } catch (RuntimeException e) {
                    LOG.error("Loading the demo helpdesk failed", e);
                }
            });
        }
    }
}
