package dev.guichet.inbound;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Processes stored messages that no poll picked up: a message handed back after an error, or one
 * whose replica crashed mid-batch (its claim runs out after INBOUND_MAIL_LEASE, then any replica
 * resumes it). Runs on every replica with INBOUND_MAIL_ENABLED; the claim keeps each message to one.
 */
@Singleton
public class InboundWorker {

    private final InboundProcessor processor;
    private final InboundSettings settings;
    private final Mailboxes mailboxes;

    InboundWorker(InboundProcessor processor, InboundSettings settings, Mailboxes mailboxes) {
        this.processor = processor;
        this.settings = settings;
        this.mailboxes = mailboxes;
    }

    @Scheduled(fixedDelay = "${guichet.inbound.process-interval}", initialDelay = "${guichet.inbound.process-interval}")
    void resume() {
        if (settings.enabled() && !mailboxes.all().isEmpty()) {
            processor.processPending();
        }
    }
}
