package dev.guichet.inbound;

import io.micronaut.core.annotation.Nullable;

/**
 * One IMAP mailbox the helpdesk reads, from the {@code INBOUND_MAIL_<n>_*} environment variables.
 *
 * @param name     stable name, the key of its state and messages ({@code _NAME}, default its address)
 * @param host     IMAP server
 * @param port     IMAP port (default 993 for ssl, 143 otherwise)
 * @param security {@code ssl} (IMAPS), {@code starttls} (required) or {@code none} (only with INBOUND_MAIL_ALLOW_PLAIN)
 * @param user     login
 * @param password password or app password (never shown)
 * @param folder   folder read, default INBOX
 * @param address  the address people write to (default the login when it is an address)
 * @param category the category of the tickets it creates: an id or a name, or null
 */
public record Mailbox(
        String name,
        String host,
        int port,
        String security,
        String user,
        String password,
        String folder,
        @Nullable String address,
        @Nullable String category) {

    /** @return the Jakarta Mail store protocol: {@code imaps} for ssl, else {@code imap} */
    public String protocol() {
        return "ssl".equals(security) ? "imaps" : "imap";
    }

    @Override
    public String toString() {
        return "Mailbox[" + name + " " + user + "@" + host + ":" + port + " " + security + "]";
    }
}
