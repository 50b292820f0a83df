package io.sitedeck.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the encrypted session cookie names as its principal: the member, the session epoch it was
 * issued in, and when the member signed in. Quarkus renews the cookie's idle expiry on use and
 * keeps this text as it is, so the sign-in time bounds the session's whole life (see
 * {@link #validFor}) and a moved epoch ends it.
 */
record SessionToken(long userId, int epoch, Instant signedInAt) {

    private static final String PREFIX = "s1.";

    static SessionToken issue(AppUser user, Instant now) {
        return new SessionToken(user.id, user.sessionEpoch, Instant.ofEpochSecond(now.getEpochSecond()));
    }

    static Optional<SessionToken> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\.");
        try {
            return parts.length == 3 ? Optional.of(new SessionToken(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2])))) : Optional.empty();
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Still good for this member as stored now: same epoch, enabled, within the absolute lifetime. */
    boolean validFor(AppUser user, Duration lifetime, Instant now) {
        return user.id == userId && user.sessionEpoch == epoch && user.enabled && !user.awaitingSetup()
                && signedInAt.plus(lifetime).isAfter(now);
    }

    String text() {
        return PREFIX + userId + "." + epoch + "." + signedInAt.getEpochSecond();
    }
}
