package dev.guichet.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random single-use secrets handed to a client (challenge tokens, SSO exchange codes, recovery codes)
 * and the SHA-256 under which they are stored, so a database dump reveals none of them. They carry
 * 256 random bits, so a plain hash suffices (no slow password hash is needed: OWASP Password Storage
 * Cheat Sheet applies to low-entropy secrets).
 */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    /** @return 32 random bytes, base64url without padding (43 characters) */
    public static String newToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** @return the lower-case hex SHA-256 of {@code value} (64 characters) */
    public static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
