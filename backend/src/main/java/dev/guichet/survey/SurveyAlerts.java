package dev.guichet.survey;

import dev.guichet.category.CategoryTechnicians;
import dev.guichet.notification.MailKind;
import dev.guichet.notification.MailRenderer;
import dev.guichet.notification.OutboxQueries;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Alerts the technicians of a ticket's category (every active technician and admin when none is
 * mapped, as for a new ticket) when its requester gives a low satisfaction score, through the mail
 * outbox in the transaction of the answer: the answer and its alert commit together.
 */
@Singleton
public class SurveyAlerts {

    /** Scores at or below this alert (1 and 2 of 5: "dissatisfied" on a five-point scale). */
    public static final int LOW_SCORE = 2;

    private final SurveyQueries queries;
    private final UserRepository users;
    private final CategoryTechnicians categoryTechnicians;
    private final MailRenderer renderer;
    private final OutboxQueries outbox;

    SurveyAlerts(
            SurveyQueries queries,
            UserRepository users,
            CategoryTechnicians categoryTechnicians,
            MailRenderer renderer,
            OutboxQueries outbox) {
        this.queries = queries;
        this.users = users;
        this.categoryTechnicians = categoryTechnicians;
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /**
     * Queues the alert: the score and the comment quoted, to each alerted agent who is active and
     * has notifications on.
     *
     * @param score 1 to {@value #LOW_SCORE}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lowScore(long ticketId, long requesterId, int score, @Nullable String comment) {
        SurveyQueries.AlertedTicket ticket = queries.alertedTicket(ticketId);
        User requester = users.findById(requesterId).orElseThrow();
        List<User> alerted = users.findByIdIn(categoryTechnicians.alerted(ticket.categoryId()));
        String quote = score + "/5" + (comment == null ? "" : "\n\n" + comment);
        alerted.stream()
                .filter(u -> u.active() && u.notificationsEnabled() && u.id() != requesterId)
                .forEach(agent -> {
                    MailRenderer.Rendered mail = renderer.render(new MailRenderer.Content(
                            MailKind.SURVEY_LOW_SCORE,
                            agent.locale(),
                            agent.fullName(),
                            requester.fullName(),
                            ticketId,
                            ticket.title(),
                            quote));
                    outbox.enqueue(
                            MailKind.SURVEY_LOW_SCORE, agent.id(), agent.email(), agent.locale(), ticketId, mail);
                });
    }
}
