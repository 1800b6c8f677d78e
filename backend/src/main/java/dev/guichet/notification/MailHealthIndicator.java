package dev.guichet.notification;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code mail} entry of {@code /health}: how many notification emails wait ({@code pending}),
 * how old the oldest one is ({@code oldest_pending_age_seconds}) and how many were given up
 * ({@code failed}). Always UP (UNKNOWN when the outbox cannot be read): an SMTP outage delays mail
 * but must not take replicas out of service, and this indicator is not part of
 * {@code /health/readiness} (it carries no {@code @Readiness}). Alert on the age instead.
 */
@Singleton
public class MailHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final OutboxQueries outbox;

    MailHealthIndicator(OutboxQueries outbox) {
        this.outbox = outbox;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            OutboxQueries.Backlog backlog = outbox.backlog();
            details.put("pending", backlog.pending());
            details.put("oldest_pending_age_seconds", backlog.oldestPendingAgeSeconds());
            details.put("failed", backlog.failed());
            healthStatus = HealthStatus.UP;
        } catch (RuntimeException e) {
            details.put("error", "cannot read the mail outbox");
            healthStatus = HealthStatus.UNKNOWN;
        }
        return details;
    }

    @Override
    protected String getName() {
        return "mail";
    }
}
