package io.sitedeck.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: an account is locked after {@link #ACCOUNT_LIMIT} failures in a
 * row (kept on the user row), a client IP after {@link #IP_LIMIT} failures within the lock period
 * (kept in memory), both for {@link #LOCK}.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int ACCOUNT_LIMIT = 5;
    static final int IP_LIMIT = 20;
    static final Duration LOCK = Duration.ofMinutes(15);

    private record Failures(int count, Instant since) {}

    private final Map<String, Failures> byIp = new ConcurrentHashMap<>();

    boolean ipLocked(String ip, Instant now) {
        Failures failures = byIp.get(ip);
        return failures != null && failures.count() >= IP_LIMIT && failures.since().plus(LOCK).isAfter(now);
    }

    void ipFailed(String ip, Instant now) {
        byIp.merge(ip, new Failures(1, now), (old, one) -> old.since().plus(LOCK).isBefore(now)
                ? one : new Failures(old.count() + 1, old.since()));
    }

    /** Counts a failure on the account; true when this one locks it. */
    boolean accountFailed(AppUser user, Instant now) {
        user.failedLogins++;
        if (user.failedLogins >= ACCOUNT_LIMIT) {
            user.lockedUntil = now.plus(LOCK);
            user.failedLogins = 0;
            return true;
        }
        return false;
    }

    void succeeded(AppUser user) {
        user.failedLogins = 0;
        user.lockedUntil = null;
    }
}
