package dev.guichet.auth.totp;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * TOTP (RFC 6238) through the {@code dev.samstevens.totp} library: secrets, the {@code otpauth://}
 * URI and its QR code for authenticator apps, and code checks that report which time step matched, so
 * the caller can refuse a second use of the same code. Parameters are the ones every authenticator app
 * understands: SHA-1, 6 digits, 30-second steps (RFC 6238 §4 defaults); one step of clock drift either
 * way is accepted (RFC 6238 §5.2).
 */
@Singleton
public class TotpCodes {

    /** Seconds per time step (RFC 6238 §4, X = 30). */
    public static final int PERIOD = 30;

    private static final int DIGITS = 6;
    private static final int DRIFT_STEPS = 1;

    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final Clock clock;

    TotpCodes() {
        this(Clock.systemUTC());
    }

    TotpCodes(Clock clock) {
        this.clock = clock;
    }

    /** @return a new random base32 secret of 160 bits (32 characters; RFC 4226 §4 asks for at least 128) */
    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /**
     * @param account shown in the app under the issuer (the person's email)
     * @param secret  base32 secret
     * @return the {@code otpauth://totp/...} key URI
     */
    public String uri(String account, String secret) {
        return data(account, secret).getUri();
    }

    /**
     * @return the key URI as a PNG QR code, in a {@code data:image/png;base64,...} URI
     * @throws IllegalStateException if ZXing cannot encode it (never for URIs of this length)
     */
    public String qrDataUri(String account, String secret) {
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(png.generate(data(account, secret)), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }

    /**
     * Checks a code against the current time step and one step either side.
     *
     * @param secret base32 secret
     * @param code   what the person typed; spaces are ignored
     * @return the time step (seconds since the epoch / 30) the code belongs to, or empty if it matches none
     */
    public OptionalLong matchingStep(String secret, String code) {
        String typed = code == null ? "" : code.replace(" ", "");
        if (!typed.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long now = clock.instant().getEpochSecond() / PERIOD;
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            try {
                String expected = generator.generate(secret, step);
                if (MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII))) {
                    return OptionalLong.of(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException("TOTP generation failed", e);
            }
        }
        return OptionalLong.empty();
    }

    private static QrData data(String account, String secret) {
        return new QrData.Builder()
                .label(account)
                .secret(secret)
                .issuer("Guichet")
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD)
                .build();
    }
}
