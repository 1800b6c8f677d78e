package dev.guichet.sla;

import dev.guichet.notification.EscalationMails;
import dev.guichet.notification.MailKind;
import dev.guichet.ticket.TicketStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the escalations that are due (docs/architecture.md, "SLA", "Escalation"): at risk (80 % of a target's business time used)
 * and at breach, once per ticket, target and level. Safe on every replica at once: a sweep claims
 * tickets with {@code FOR UPDATE SKIP LOCKED} (another replica's tickets are skipped, never waited
 * for), and table {@code sla_escalations} (primary key ticket, target, level) records each one in
 * the transaction that queues its emails in the outbox, so none is sent twice, even after a
 * restart or a crash mid-sweep (the transaction then rolls back whole).
 */
@Singleton
public class SlaEscalations {

    private final JdbcOperations jdbc;
    private final SlaClock clock;
    private final EscalationMails mails;
    private final Map<SlaClock.SlaTarget, Map<SlaClock.Level, Counter>> counters = new EnumMap<>(SlaClock.SlaTarget.class);

    SlaEscalations(JdbcOperations jdbc, SlaClock clock, EscalationMails mails, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mails = mails;
        for (SlaClock.SlaTarget target : SlaClock.SlaTarget.values()) {
            Map<SlaClock.Level, Counter> byLevel = new EnumMap<>(SlaClock.Level.class);
            for (SlaClock.Level level : SlaClock.Level.values()) {
                byLevel.put(level, Counter.builder("guichet.sla.escalations")
                        .description("SLA escalations sent (each once per ticket, target and level)")
                        .tag("target", target.name().toLowerCase()).tag("level", level.name().toLowerCase())
                        .register(meters));
            }
            counters.put(target, byLevel);
        }
    }

    /**
     * One sweep transaction: claims up to {@code limit} tickets whose next escalation is due,
     * sends what each calls for, and moves its next escalation time on.
     *
     * @return how many tickets were claimed (fewer than {@code limit}: nothing more is due now)
     */
    @Transactional
    public int sweep(int limit) {
        List<Long> due = jdbc.prepareStatement("""
                SELECT id FROM tickets WHERE sla_next_escalation_at <= now()
                 ORDER BY sla_next_escalation_at, id LIMIT ? FOR UPDATE SKIP LOCKED""", ps -> {
            ps.setInt(1, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        for (long id : due) {
            escalate(id);
            clock.refresh(id);
        }
        return due.size();
    }

    /**
     * Sends the escalations a ticket calls for now, from its stored SLA columns (computed by {@link SlaClock}).
     */
    private void escalate(long id) {
        record Times(TicketStatus status, @Nullable Instant firstResponseAt, @Nullable Instant frRisk,
                     @Nullable Instant frDue, @Nullable Instant resRisk, @Nullable Instant resDue, Instant now) {
        }
        Times t = jdbc.prepareStatement("""
                SELECT status, first_response_at, first_response_risk_at, first_response_due_at,
                       resolution_risk_at, resolution_due_at, now() FROM tickets WHERE id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Times(TicketStatus.valueOf(rs.getString(1)), SlaClock.instant(rs, "first_response_at"),
                        SlaClock.instant(rs, "first_response_risk_at"), SlaClock.instant(rs, "first_response_due_at"),
                        SlaClock.instant(rs, "resolution_risk_at"), SlaClock.instant(rs, "resolution_due_at"),
                        rs.getTimestamp(7).toInstant());
            }
        });
        boolean open = t.status() == TicketStatus.NEW || t.status() == TicketStatus.IN_PROGRESS || t.status() == TicketStatus.WAITING;
        boolean running = t.status() == TicketStatus.NEW || t.status() == TicketStatus.IN_PROGRESS;
        if (open && t.firstResponseAt() == null) {
            escalate(id, SlaClock.SlaTarget.FIRST_RESPONSE, t.frRisk(), t.frDue(), t.now());
        }
        if (running) {
            escalate(id, SlaClock.SlaTarget.RESOLUTION, t.resRisk(), t.resDue(), t.now());
        }
    }

    private void escalate(long id, SlaClock.SlaTarget target, @Nullable Instant risk, @Nullable Instant due, Instant now) {
        if (risk == null || due == null || now.isBefore(risk)) {
            return;
        }
        boolean breached = !now.isBefore(due);
        // At breach, the at-risk level is marked as covered: one email says it all.
        boolean atRiskNew = record(id, target, SlaClock.Level.AT_RISK);
        if (breached) {
            if (record(id, target, SlaClock.Level.BREACHED)) {
                send(id, target, SlaClock.Level.BREACHED);
            }
        } else if (atRiskNew) {
            send(id, target, SlaClock.Level.AT_RISK);
        }
    }

    /** @return whether this escalation was not recorded yet (and now is) */
    private boolean record(long id, SlaClock.SlaTarget target, SlaClock.Level level) {
        return jdbc.prepareStatement("""
                INSERT INTO sla_escalations (ticket_id, target, level) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setLong(1, id);
            ps.setString(2, target.name());
            ps.setString(3, level.name());
            return ps.executeUpdate() == 1;
        });
    }

    private void send(long id, SlaClock.SlaTarget target, SlaClock.Level level) {
        MailKind kind = MailKind.valueOf("SLA_" + target.name() + "_" + level.name());
        mails.queue(id, kind, level == SlaClock.Level.BREACHED);
        counters.get(target).get(level).increment();
    }
}
