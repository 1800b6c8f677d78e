package dev.guichet.inbound;

import dev.guichet.auth.JwtSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-ticket reply address notifications carry in {@code Reply-To}:
 * {@code <local>+t<ticketId>-<sig>@<domain>} built on the helpdesk's address (INBOUND_MAIL_REPLY_ADDRESS,
 * else the first mailbox's), where {@code sig} is the first 16 hex digits (64 bits) of
 * HMAC-SHA256(secret, "ticket:" + id) (RFC 2104, javax.crypto). Without the secret nobody can make
 * the address of another ticket; the signature is compared in constant time
 * ({@link MessageDigest#isEqual}). Sub-addressing ({@code +tag}, RFC 5233) must reach the same mailbox:
 * Google Workspace, Microsoft 365 and most IMAP servers do.
 */
@Singleton
public class ReplyAddresses {

    private static final Pattern TAGGED = Pattern.compile("^(.+)\\+t(\\d{1,18})-([0-9a-z]*)@(.+)$");
    private static final int SIG_HEX = 16;

    private final byte[] key;
    private final @Nullable String local;
    private final @Nullable String domain;

    ReplyAddresses(InboundSettings settings, Mailboxes mailboxes, JwtSettings jwt) {
        String secret = settings.replySecret() == null || settings.replySecret().isBlank()
                ? "reply-address:" + jwt.secretOrEmpty()
                : settings.replySecret();
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        String base = settings.replyAddress() == null || settings.replyAddress().isBlank()
                ? mailboxes.all().stream()
                        .map(Mailbox::address)
                        .filter(a -> a != null)
                        .findFirst()
                        .orElse(null)
                : settings.replyAddress().strip().toLowerCase(Locale.ROOT);
        if (base != null && base.indexOf('@') > 0) {
            this.local = base.substring(0, base.lastIndexOf('@'));
            this.domain = base.substring(base.lastIndexOf('@') + 1);
        } else {
            this.local = null;
            this.domain = null;
        }
    }

    /** @return the reply address of a ticket, or empty when no helpdesk address is configured */
    public Optional<String> forTicket(long ticketId) {
        if (local == null) {
            return Optional.empty();
        }
        return Optional.of(local + "+t" + ticketId + "-" + sign(ticketId) + "@" + domain);
    }

    /** What an address says about a ticket. */
    public sealed interface Tag {
        /** A genuine reply address of ticket {@code ticketId}. */
        record Valid(long ticketId) implements Tag {}

        /** Shaped like a reply address, but its signature is wrong: forged or mangled. */
        record Forged(String address) implements Tag {}
    }

    /**
     * @param address an address the message was sent to (any case)
     * @return the ticket it names with a valid signature, a forgery, or empty when it is no reply address
     */
    public Optional<Tag> parse(String address) {
        Matcher m = TAGGED.matcher(address.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return Optional.of(new Tag.Forged(address));
        }
        byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = m.group(3).getBytes(StandardCharsets.US_ASCII);
        return Optional.of(MessageDigest.isEqual(expected, given) ? new Tag.Valid(id) : new Tag.Forged(address));
    }

    private String sign(long ticketId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("ticket:" + ticketId).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, SIG_HEX);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
