package dev.guichet.sla;

import dev.guichet.notification.EscalationMails;
import dev.guichet.notification.MailKind;
import dev.guichet.ticket.TicketStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    private final SlaTicketQueries queries;
    private final SlaClock clock;
    private final EscalationMails mails;
    private final Map<SlaClock.SlaTarget, Map<SlaClock.Level, Counter>> counters =
            new EnumMap<>(SlaClock.SlaTarget.class);

    SlaEscalations(SlaTicketQueries queries, SlaClock clock, EscalationMails mails, MeterRegistry meters) {
        this.queries = queries;
        this.clock = clock;
        this.mails = mails;
        for (SlaClock.SlaTarget target : SlaClock.SlaTarget.values()) {
            Map<SlaClock.Level, Counter> byLevel = new EnumMap<>(SlaClock.Level.class);
            for (SlaClock.Level level : SlaClock.Level.values()) {
                byLevel.put(
                        level,
                        Counter.builder("guichet.sla.escalations")
                                .description("SLA escalations sent (each once per ticket, target and level)")
                                .tag("target", target.name().toLowerCase())
                                .tag("level", level.name().toLowerCase())
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
        List<Long> due = queries.claimDueEscalations(limit);
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
        SlaTicketQueries.EscalationTimes t = queries.escalationTimes(id);
        boolean open = t.status() == TicketStatus.NEW
                || t.status() == TicketStatus.IN_PROGRESS
                || t.status() == TicketStatus.WAITING;
        boolean running = t.status() == TicketStatus.NEW || t.status() == TicketStatus.IN_PROGRESS;
        if (open && t.firstResponseAt() == null) {
            escalate(id, SlaClock.SlaTarget.FIRST_RESPONSE, t.frRisk(), t.frDue(), t.now());
        }
        if (running) {
            escalate(id, SlaClock.SlaTarget.RESOLUTION, t.resRisk(), t.resDue(), t.now());
        }
    }

    private void escalate(
            long id, SlaClock.SlaTarget target, @Nullable Instant risk, @Nullable Instant due, Instant now) {
        if (risk == null || due == null || now.isBefore(risk)) {
            return;
        }
        boolean breached = !now.isBefore(due);
        // At breach, the at-risk level is marked as covered: one email says it all.
        boolean atRiskNew = queries.recordEscalation(id, target, SlaClock.Level.AT_RISK);
        if (breached) {
            if (queries.recordEscalation(id, target, SlaClock.Level.BREACHED)) {
                send(id, target, SlaClock.Level.BREACHED);
            }
        } else if (atRiskNew) {
            send(id, target, SlaClock.Level.AT_RISK);
        }
    }

    private void send(long id, SlaClock.SlaTarget target, SlaClock.Level level) {
        MailKind kind = MailKind.valueOf("SLA_" + target.name() + "_" + level.name());
        mails.queue(id, kind, level == SlaClock.Level.BREACHED);
        counters.get(target).get(level).increment();
    }
}
