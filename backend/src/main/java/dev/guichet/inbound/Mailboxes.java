package dev.guichet.inbound;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured mailboxes: {@code INBOUND_MAIL_1_HOST}, {@code INBOUND_MAIL_1_USER}… then
 * {@code INBOUND_MAIL_2_*}, up to {@link #MAX}, read through Micronaut's environment (so the
 * properties {@code inbound.mail.1.host}… work too). A numbered mailbox without a host ends the list.
 * A mailbox whose security is {@code none} is refused at start-up unless INBOUND_MAIL_ALLOW_PLAIN is true.
 */
@Singleton
public class Mailboxes {

    /** Most mailboxes read. */
    static final int MAX = 20;

    private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);

    private final List<Mailbox> all;

    Mailboxes(Environment env, InboundSettings settings) {
        List<Mailbox> found = new ArrayList<>();
        for (int i = 1; i <= MAX; i++) {
            final int n = i;
            Optional<String> host = value(env, n, "host");
            if (host.isEmpty()) {
                break;
            }
            String security = value(env, n, "security").orElse("ssl").toLowerCase(Locale.ROOT);
            if (!List.of("ssl", "starttls", "none").contains(security)) {
                throw new IllegalStateException(
                        "INBOUND_MAIL_" + n + "_SECURITY must be ssl, starttls or none, not '" + security + "'");
            }
            if ("none".equals(security) && !settings.allowPlain()) {
                throw new IllegalStateException(
                        "INBOUND_MAIL_" + n + "_SECURITY=none sends the password in clear text: "
                                + "set INBOUND_MAIL_ALLOW_PLAIN=true to allow it (a test server on localhost), or use ssl/starttls");
            }
            int port = value(env, n, "port").map(Integer::parseInt).orElse("ssl".equals(security) ? 993 : 143);
            String user = value(env, n, "user")
                    .orElseThrow(() -> new IllegalStateException("INBOUND_MAIL_" + n + "_USER is missing"));
            String address = value(env, n, "address").orElse(user.contains("@") ? user : null);
            String name = value(env, n, "name").orElse(address != null ? address : user + "@" + host.get());
            found.add(new Mailbox(
                    name,
                    host.get(),
                    port,
                    security,
                    user,
                    value(env, n, "password").orElse(""),
                    value(env, n, "folder").orElse("INBOX"),
                    address == null ? null : address.toLowerCase(Locale.ROOT),
                    value(env, n, "category").orElse(null)));
        }
        this.all = List.copyOf(found);
        all.forEach(m -> LOG.info("Inbound mailbox {}", m));
    }

    private static Optional<String> value(Environment env, int n, String key) {
        Optional<String> property = env.getProperty("inbound.mail." + n + "." + key, String.class);
        if (property.isEmpty()) {
            property = Optional.ofNullable(System.getenv("INBOUND_MAIL_" + n + "_" + key.toUpperCase(Locale.ROOT)));
        }
        return property.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** @return every configured mailbox, in the order of their numbers */
    public List<Mailbox> all() {
        return all;
    }

    /** @return the mailbox of this name */
    public Optional<Mailbox> byName(String name) {
        return all.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
