package io.sitedeck.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import io.sitedeck.shared.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Slows down password guessing with growing delays, never a lock a stranger can set: after a few
 * free failures, each further attempt must wait 1 s, 2 s, 4 s … up to a cap, counted three ways —
 * per email from one address (a long cap: the guesser's own address), per email from anywhere (a
 * short cap, so a distributed guess is slowed but the owner waits a minute at most) and per
 * address (password spraying). Counters live in the database, so every instance sees the same
 * ones, and are forgotten after a quiet hour. Emails are counted whether or not they exist.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    Clock clock;

    private final SignInConfig.Throttle config;

    LoginThrottle(SignInConfig config) {
        this.config = config.throttle();
    }

    private record Counter(String key, int free, Duration max) {}

    /** How long the attempt must still wait (zero: it may go ahead). */
    public Duration waitBefore(String email, String address, Instant now) {
        List<String> keys = counters(email, address).stream().map(Counter::key).toList();
        return QuarkusTransaction.requiringNew().call(() -> SignInFailure.<SignInFailure>list("throttleKey in ?1", keys).stream()
                .filter(row -> row.waitUntil.isAfter(now))
                .map(row -> Duration.between(now, row.waitUntil))
                .max(Duration::compareTo).orElse(Duration.ZERO));
    }

    /** Counts one failure on all three counters, in one transaction (retried once if another instance created a row first). */
    public void failed(String email, String address, Instant now) {
        List<Counter> counters = counters(email, address);
        try {
            QuarkusTransaction.requiringNew().run(() -> counters.forEach(counter -> count(counter, now)));
        } catch (PersistenceException | QuarkusTransactionException anotherInstanceInsertedOneFirst) {
            QuarkusTransaction.requiringNew().run(() -> counters.forEach(counter -> count(counter, now)));
        }
    }

    /** A correct password clears the counters of that email; the address keeps its count. */
    public void succeeded(String email, String address) {
        List<String> keys = counters(email, address).stream().map(Counter::key).filter(k -> !k.startsWith("a:")).toList();
        QuarkusTransaction.requiringNew().run(() -> SignInFailure.delete("throttleKey in ?1", keys));
    }

    @Scheduled(every = "10m", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetQuietCounters() {
        forgetBefore(clock.instant().minus(config.forgetAfter()));
    }

    long forgetBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> SignInFailure.delete("lastFailure < ?1", cutoff));
    }

    /** The wait after {@code failures} failures: none while free, then 1 s doubling up to {@code max}. */
    static Duration delay(int failures, int free, Duration max) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration grown = Duration.ofSeconds(1L << doublings);
        return grown.compareTo(max) > 0 ? max : grown;
    }

    private void count(Counter counter, Instant now) {
        SignInFailure row = SignInFailure.findById(counter.key(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SignInFailure();
            row.throttleKey = counter.key();
            row.failures = 0;
            row.lastFailure = now;
            row.waitUntil = now;
            row.persistAndFlush(); // a row another instance inserted meanwhile fails here, not at commit
        }
        boolean quietLongEnough = row.lastFailure.plus(config.forgetAfter()).isBefore(now);
        row.failures = quietLongEnough ? 1 : row.failures + 1;
        row.lastFailure = now;
        row.waitUntil = now.plus(delay(row.failures, counter.free(), counter.max()));
    }

    private List<Counter> counters(String email, String address) {
        return List.of(
                new Counter("e:" + digest(email), config.emailFreeFailures(), config.emailMaxDelay()),
                new Counter("p:" + digest(email + "\n" + address), config.pairFreeFailures(), config.pairMaxDelay()),
                new Counter("a:" + digest(address), config.addressFreeFailures(), config.addressMaxDelay()));
    }

    private static String digest(String text) {
        return Secrets.sha256Hex(text).substring(0, 40);
    }
}
