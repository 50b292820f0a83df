package io.sitedeck.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the encrypted session cookie names as its principal: the membership, the session epoch it
 * was issued in, when the person signed in, and whether they still have to choose a tenant (a
 * person in several tenants signs into the first and is sent to choose). Quarkus renews the
 * cookie's idle expiry on use and keeps this text as it is, so the sign-in time bounds the
 * session's whole life (see {@link #validFor}) and a moved epoch ends it.
 */
record SessionToken(long userId, int epoch, Instant signedInAt, boolean choosing) {

    private static final String PREFIX = "s1.";
    private static final String CHOOSING = "c";

    static SessionToken issue(SessionMember member, Instant now, boolean choosing) {
        return new SessionToken(member.id(), member.sessionEpoch(), Instant.ofEpochSecond(now.getEpochSecond()),
                choosing);
    }

    /** The same sign-in moved to another membership of the same person (the tenant switch). */
    SessionToken movedTo(SessionMember member) {
        return new SessionToken(member.id(), member.sessionEpoch(), signedInAt, false);
    }

    static Optional<SessionToken> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\.");
        boolean choosing = parts.length == 4 && CHOOSING.equals(parts[3]);
        if (parts.length != 3 && !choosing) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionToken(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2])), choosing));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Still good for this membership as stored now: same epoch, usable, within the absolute lifetime. */
    boolean validFor(SessionMember member, Duration lifetime, Instant now) {
        return member.id() == userId && member.sessionEpoch() == epoch && member.usable()
                && signedInAt.plus(lifetime).isAfter(now);
    }

    String text() {
        return PREFIX + userId + "." + epoch + "." + signedInAt.getEpochSecond() + (choosing ? "." + CHOOSING : "");
    }
}
