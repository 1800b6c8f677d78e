package dev.guichet.notification;

import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Locale;
import java.util.Properties;

/**
 * The Jakarta Mail session micronaut-email-javamail sends through, built from {@link SmtpSettings}.
 * Replaces the library's default provider, which reads raw {@code javamail.*} properties and shares
 * the JVM-wide default session; ours maps the three security modes and always sets timeouts, so an
 * unreachable relay fails a delivery instead of blocking the worker (property names: the Angus
 * Mail SMTP provider documentation, {@code org.eclipse.angus.mail.smtp} package summary).
 */
@Singleton
public class SmtpSessionProvider implements SessionProvider {

    private final Session session;

    SmtpSessionProvider(SmtpSettings smtp) {
        String security =
                smtp.security() == null ? "none" : smtp.security().trim().toLowerCase(Locale.ROOT);
        boolean ssl = security.equals("ssl");
        if (!ssl && !security.equals("starttls") && !security.equals("none")) {
            throw new IllegalStateException(
                    "SMTP_SECURITY must be none, starttls or ssl, not '" + smtp.security() + "'");
        }
        String timeout = String.valueOf(smtp.timeout().toMillis());
        boolean auth = smtp.user() != null && !smtp.user().isBlank();
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.auth", String.valueOf(auth));
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        if (ssl) {
            props.put("mail.smtp.ssl.enable", "true");
        }
        if (security.equals("starttls")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (!security.equals("none")) {
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = !auth
                ? null
                : new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(smtp.user(), smtp.password() == null ? "" : smtp.password());
                    }
                };
        this.session = Session.getInstance(props, authenticator);
    }

    /** @return the session every delivery of this application uses */
    @Override
    public Session session() {
        return session;
    }
}
