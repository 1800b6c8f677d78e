package dev.guichet.inbound;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code inbound-mail} entry of {@code /health}: DOWN when a configured mailbox has failed
 * without a success for longer than INBOUND_MAIL_HEALTH_THRESHOLD (default 15 minutes), so
 * monitoring notices that mail sent to the helpdesk is no longer read; UP otherwise (also with no
 * mailbox configured). Micronaut counts every indicator that is not {@code @Liveness} in
 * {@code /health/readiness} too, so a replica reports not ready after that long; a threshold of 0
 * turns the DOWN off for those who would rather alert on {@code guichet_inbound_poll_errors_total}.
 */
@Singleton
public class InboundHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final InboundStore store;
    private final Mailboxes mailboxes;
    private final InboundSettings settings;

    InboundHealthIndicator(InboundStore store, Mailboxes mailboxes, InboundSettings settings) {
        this.store = store;
        this.mailboxes = mailboxes;
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (mailboxes.all().isEmpty()) {
            healthStatus = HealthStatus.UP;
            details.put("mailboxes", 0);
            return details;
        }
        try {
            List<InboundStore.State> states = store.states();
            Instant limit = Instant.now().minus(settings.healthThreshold());
            boolean checked = !settings.healthThreshold().isZero();
            boolean down = false;
            for (Mailbox mailbox : mailboxes.all()) {
                InboundStore.State state = states.stream().filter(s -> s.name().equals(mailbox.name())).findFirst().orElse(null);
                boolean failing = checked && state != null && state.failingSince() != null && state.failingSince().isBefore(limit);
                down |= failing;
                details.put(mailbox.name(), failing ? "DOWN since " + state.failingSince() + ": " + state.lastError()
                        : state == null || state.lastSuccessAt() == null ? "not polled yet" : "UP, last poll " + state.lastSuccessAt());
            }
            healthStatus = down ? HealthStatus.DOWN : HealthStatus.UP;
        } catch (RuntimeException e) {
            details.put("error", "cannot read the inbound mailboxes' state");
            healthStatus = HealthStatus.UNKNOWN;
        }
        return details;
    }

    @Override
    protected String getName() {
        return "inbound-mail";
    }
}
