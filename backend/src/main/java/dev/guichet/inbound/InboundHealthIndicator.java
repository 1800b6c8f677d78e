package dev.guichet.inbound;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code inbound-mail} entry of {@code /health}: {@link #DEGRADED} when a configured mailbox has
 * failed without a success for longer than INBOUND_MAIL_HEALTH_THRESHOLD (default 15 minutes), so
 * monitoring notices that mail sent to the helpdesk is no longer read; UP otherwise (also with no
 * mailbox configured; a threshold of 0 never degrades, for those who alert on
 * {@code guichet_inbound_poll_errors_total} instead).
 *
 * <p>Never DOWN: Micronaut counts every indicator that is not {@code @Liveness} in
 * {@code /health/readiness} too, and a mail server that is down must not take the replicas out of
 * service (the helpdesk still works in the browser; the mailbox is shared by every replica, so
 * none would be left). DEGRADED sorts after UP in the aggregate, so {@code /health} reads DEGRADED,
 * and answers 200 ({@code endpoints.health.status.http-mapping.degraded} in application.yml).
 */
@Singleton
public class InboundHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    /**
     * Working, with mail to the helpdesk not read. Operational unknown (null) and severity 1: after
     * UP and UNKNOWN, before DOWN in Micronaut's ordering ({@link HealthStatus#compareTo}).
     */
    public static final HealthStatus DEGRADED =
            new HealthStatus("DEGRADED", "mail sent to the helpdesk is not being read", null, 1);

    private final InboundQueries store;
    private final Mailboxes mailboxes;
    private final InboundSettings settings;

    InboundHealthIndicator(InboundQueries store, Mailboxes mailboxes, InboundSettings settings) {
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
            List<InboundQueries.State> states = store.states();
            Instant limit = Instant.now().minus(settings.healthThreshold());
            boolean checked = !settings.healthThreshold().isZero();
            boolean down = false;
            for (Mailbox mailbox : mailboxes.all()) {
                InboundQueries.State state = states.stream()
                        .filter(s -> s.name().equals(mailbox.name()))
                        .findFirst()
                        .orElse(null);
                boolean failing = checked
                        && state != null
                        && state.failingSince() != null
                        && state.failingSince().isBefore(limit);
                down |= failing;
                details.put(
                        mailbox.name(),
                        failing
                                ? "DOWN since " + state.failingSince() + ": " + state.lastError()
                                : state == null || state.lastSuccessAt() == null
                                        ? "not polled yet"
                                        : "UP, last poll " + state.lastSuccessAt());
            }
            healthStatus = down ? DEGRADED : HealthStatus.UP;
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
