package dev.guichet.notification;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.email.Email;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.composer.MessageComposer;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Composes messages as micronaut-email does (multipart/alternative text + HTML), but into a
 * {@link MimeMessage} that keeps the {@code Message-ID} we set. Jakarta Mail otherwise replaces it
 * with a random one when the message is sent ({@code MimeMessage#updateMessageID}; overriding it
 * is the way the Jakarta Mail API documentation gives), and our ids are what threads a ticket's
 * emails together and make a delivery identifiable.
 */
@Singleton
@Replaces(DefaultMessageComposer.class)
public class ThreadedMessageComposer implements MessageComposer {

    private final DefaultMessageComposer standard = new DefaultMessageComposer();

    /** @return the library's message, as a copy whose Message-ID survives sending once set */
    @Override
    public Message compose(Email email, Session session) throws MessagingException {
        return new KeepsMessageId((MimeMessage) standard.compose(email, session));
    }

    /** A message that only generates a Message-ID when none was set. */
    static final class KeepsMessageId extends MimeMessage {

        KeepsMessageId(MimeMessage source) throws MessagingException {
            super(source);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
