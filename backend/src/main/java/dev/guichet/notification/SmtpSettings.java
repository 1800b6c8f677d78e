package dev.guichet.notification;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The SMTP relay notifications go through ({@code guichet.mail.smtp.*}, from the {@code SMTP_*}
 * environment variables).
 *
 * @param host     relay host name ({@code SMTP_HOST})
 * @param port     relay port ({@code SMTP_PORT})
 * @param security {@code none}, {@code starttls} (required, usually port 587) or {@code ssl}
 *                 (implicit TLS, usually port 465) ({@code SMTP_SECURITY})
 * @param user     login, empty for an open relay ({@code SMTP_USER})
 * @param password password ({@code SMTP_PASSWORD})
 * @param from     sender address, optionally with a name: {@code Guichet <guichet@example.org>} ({@code SMTP_FROM})
 * @param timeout  connect, read and write timeout of one SMTP conversation ({@code SMTP_TIMEOUT})
 */
@Context
@ConfigurationProperties("guichet.mail.smtp")
public record SmtpSettings(
        String host,
        @Min(1) @Max(65535) int port,
        String security,
        String user,
        String password,
        String from,
        @NotNull @PositiveDuration Duration timeout) {

    @Override
    public String toString() {
        // Never print the password (configuration dumps, logs).
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user + ", from="
                + from + ", timeout=" + timeout + "]";
    }
}
