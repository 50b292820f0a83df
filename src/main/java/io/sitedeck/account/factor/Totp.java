package io.sitedeck.account.factor;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, six digits, 30-second steps), the codes made by
 * {@code dev.samstevens.totp}. A code is accepted for its step and the one either side (clocks
 * drift), and only for a step later than the last one accepted: the same code never works twice.
 */
public final class Totp {

    static final int PERIOD_SECONDS = 30;
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private Totp() {
    }

    /** A new secret, base32 (32 characters: 160 bits). */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The step this code belongs to, if it is right now (give or take a step) and newer than {@code lastUsed}. */
    public static Optional<Long> accepted(String secret, String code, Instant now, Long lastUsed) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return Optional.empty();
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if ((lastUsed == null || step > lastUsed) && MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** The code of a step (what the person's app shows during it). */
    public static String code(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException broken) {
            throw new IllegalStateException("TOTP code could not be made", broken);
        }
    }

    /** What an authenticator app reads (as a QR code or typed in). */
    public static String uri(String account, String secret) {
        String label = URLEncoder.encode("Sitedeck:" + account, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Sitedeck&algorithm=SHA1&digits=6&period="
                + PERIOD_SECONDS;
    }
}
