package io.sitedeck.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** One-time links for new members to set their password; only a hash of the token is stored. */
@ApplicationScoped
public class SetupLinks {

    static final Duration VALIDITY = Duration.ofDays(7);
    private final SecureRandom random = new SecureRandom();

    /** Issues a new link for the member (any older one stops working) and returns its path. */
    String issue(AppUser member) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        member.setupTokenHash = hash(token);
        member.setupExpiresAt = Instant.now().plus(VALIDITY);
        return "/welcome/" + token;
    }

    /** The member this unused, unexpired token belongs to. */
    Optional<AppUser> redeemable(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return AppUser.<AppUser>find("setupTokenHash", hash(token)).firstResultOptional()
                .filter(user -> user.enabled && user.setupExpiresAt != null && user.setupExpiresAt.isAfter(Instant.now()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
