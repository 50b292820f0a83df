package io.sitedeck.domotz;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes one upstream call, and keeps Sitedeck a good citizen of the cell:
 * <ul>
 *   <li>at most the key's {@code concurrent_allowed} calls in flight ({@link KeySlots});</li>
 *   <li>after a 429 the key pauses until its window allows ({@link QuotaBackoff}) — no call at all;</li>
 *   <li>a cell failing again and again fails fast for a while ({@link CircuitBreaker});</li>
 *   <li>reads (never changes) are retried a bounded number of times on 5xx, timeouts and refused connections.</li>
 * </ul>
 * Whatever goes wrong becomes a {@link DomotzException}. Every call is counted by operation and
 * outcome ({@code sitedeck_domotz_calls_total}) and per key and day. Logs name keys by fingerprint.
 */
@ApplicationScoped
class UpstreamCalls {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(UpstreamCalls.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Map<String, KeySlots> slots = new ConcurrentHashMap<>();
    private final Map<String, QuotaBackoff> backoffs = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final DomotzConfig config;
    private final MeterRegistry metrics;
    /** Calls Sitedeck made per key today (UTC), for its share of the daily budget: shared with Redis. */
    private final AnswerStore counts;

    UpstreamCalls(DomotzConfig config, MeterRegistry metrics, AnswerStore counts) {
        this.config = config;
        this.metrics = metrics;
        this.counts = counts;
    }

    /** The prefix of the crawler's own daily count of a key. */
    private static final String CRAWLER = "crawler:";

    /** Slots of a key that background refreshes leave to people waiting for a page. */
    private static final int RESERVED_FOR_PEOPLE = 2;

    /** A read: safe to repeat, so retried on passing failures. */
    <T> T read(DomotzTarget target, String operation, Supplier<T> upstream) {
        return call(target, operation, true, false, upstream);
    }

    /** A read nobody waits for (a stale-while-revalidate refresh): never takes the key's last slots. */
    <T> T readInBackground(DomotzTarget target, String operation, Supplier<T> upstream) {
        return call(target, operation, true, true, upstream);
    }

    /** A change (or a one-off like a snapshot): tried once, whatever happens. */
    <T> T change(DomotzTarget target, String operation, Supplier<T> upstream) {
        return call(target, operation, false, false, upstream);
    }

    private <T> T call(DomotzTarget target, String operation, boolean repeatable, boolean background,
                       Supplier<T> upstream) {
        refuseWhilePaused(target, operation);
        CircuitBreaker breaker = breakerOf(target);
        int attempts = repeatable ? 1 + Math.max(0, config.retries()) : 1;
        for (int attempt = 1; ; attempt++) {
            if (!breaker.allow(clock.instant())) {
                throw new DomotzException.Unavailable(0, "the cell " + target.baseUrl() + " failed repeatedly; "
                        + "Sitedeck tries it again after " + CLOCK.format(breaker.openUntil()) + " UTC", null);
            }
            try {
                T result = once(target, operation, background ? RESERVED_FOR_PEOPLE : 0, upstream);
                breaker.succeeded();
                backoffOf(target).succeeded();
                return result;
            } catch (DomotzException.QuotaExceeded quota) {
                breaker.succeeded();
                backoffOf(target).refused(quota.retryAfterSeconds(), clock.instant());
                throw quota;
            } catch (DomotzException.Busy busy) {
                // Nothing was asked of the cell: says nothing about it.
                breaker.abandoned();
                throw busy;
            } catch (DomotzException.Unavailable unavailable) {
                breaker.failed(clock.instant());
                if (attempt >= attempts) {
                    throw unavailable;
                }
                pauseBeforeRetry(attempt);
            } catch (DomotzException answered) {
                // 4xx: the cell is up and said no.
                breaker.succeeded();
                throw answered;
            }
        }
    }

    private <T> T once(DomotzTarget target, String operation, int reserve, Supplier<T> upstream) {
        KeySlots keySlots = slotsOf(target);
        acquire(keySlots, operation, reserve);
        count(target);
        String outcome = "error";
        try {
            T result = upstream.get();
            outcome = "ok";
            return result;
        } catch (DomotzException known) {
            outcome = String.valueOf(known.status());
            throw known;
        } catch (RuntimeException failure) {
            // Whatever else the client throws (transport, timeouts, unreadable JSON) is "unavailable".
            DomotzException mapped = unavailable(target, failure);
            outcome = mapped.status() == 0 ? "unreachable" : String.valueOf(mapped.status());
            throw mapped;
        } finally {
            keySlots.release();
            metrics.counter("sitedeck.domotz.calls", "operation", operation, "outcome", outcome).increment();
        }
    }

    private void refuseWhilePaused(DomotzTarget target, String operation) {
        Instant until = backoffOf(target).pausedUntil(clock.instant());
        if (until != null) {
            metrics.counter("sitedeck.domotz.calls", "operation", operation, "outcome", "paused").increment();
            throw new DomotzException.QuotaExceeded("the key is paused after a 429 until " + CLOCK.format(until)
                    + " UTC", null);
        }
    }

    private void pauseBeforeRetry(int attempt) {
        long base = config.retryDelay().toMillis() << (attempt - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomotzException.Unavailable(0, "interrupted while waiting to retry", interrupted);
        }
    }

    /** How many calls Sitedeck made with this key today (UTC): this instance's, or all instances' with Redis. */
    int spentToday(DomotzTarget target) {
        return counts.callsToday(target.fingerprint());
    }

    /** Calls the fleet crawler made with this key today (UTC), counted apart as well as in {@link #spentToday}. */
    int crawlerToday(DomotzTarget target) {
        return counts.callsToday(CRAWLER + target.fingerprint());
    }

    /** A background read for the fleet crawler: never the key's last slots, and counted as the crawler's. */
    <T> T readForCrawler(DomotzTarget target, String operation, Supplier<T> upstream) {
        return readInBackground(target, operation, () -> {
            counts.countCall(CRAWLER + target.fingerprint());
            return upstream.get();
        });
    }

    /** Until when the key is paused after a 429, or null. */
    Instant pausedUntil(DomotzTarget target) {
        return backoffOf(target).pausedUntil(clock.instant());
    }

    CircuitBreaker.State circuit(DomotzTarget target) {
        return breakerOf(target).state(clock.instant());
    }

    private void count(DomotzTarget target) {
        counts.countCall(target.fingerprint());
    }

    /**
     * Follows the key's {@code concurrent_allowed} as Domotz reports it, never above the
     * configured cap.
     */
    void learnConcurrentAllowed(DomotzTarget target, Integer concurrentAllowed) {
        if (concurrentAllowed != null && concurrentAllowed > 0) {
            slotsOf(target).limitTo(Math.min(concurrentAllowed, config.concurrentAllowed()));
        }
    }

    /** The key's current limit of calls in flight. */
    int concurrencyLimit(DomotzTarget target) {
        return slotsOf(target).limit();
    }

    private KeySlots slotsOf(DomotzTarget target) {
        return slots.computeIfAbsent(target.fingerprint(), k -> new KeySlots(config.concurrentAllowed()));
    }

    private QuotaBackoff backoffOf(DomotzTarget target) {
        return backoffs.computeIfAbsent(target.fingerprint(),
                k -> new QuotaBackoff(config.quotaBackoff(), config.quotaBackoffMax()));
    }

    private CircuitBreaker breakerOf(DomotzTarget target) {
        return breakers.computeIfAbsent(target.baseUrl().toString(),
                k -> new CircuitBreaker(config.circuitFailures(), config.circuitOpenFor()));
    }

    private void acquire(KeySlots keySlots, String operation, int reserve) {
        try {
            if (!keySlots.acquire(config.queueTimeout(), reserve)) {
                throw new DomotzException.Busy("all " + keySlots.limit()
                        + " concurrent calls of this key are busy; " + operation + " gave up waiting");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomotzException.Unavailable(0, "interrupted while waiting to call Domotz", interrupted);
        }
    }

    private static DomotzException unavailable(DomotzTarget target, RuntimeException failure) {
        // A mapped error may arrive wrapped by the REST client.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomotzException known) {
                return known;
            }
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                LOG.debugf("Unreadable answer from %s for key %s: %s", target.baseUrl(), target.fingerprint(),
                        cause.getMessage());
                return new DomotzException.Unreadable(failure);
            }
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
            return new DomotzException.Unavailable(status, "Domotz answered HTTP " + status, failure);
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        // People read these messages: say what happened in fixed words. The exception's own text
        // is not shown: a TLS error quotes the bytes a non-TLS service sent (a banner, a secret).
        String why = failureKind(root);
        LOG.debugf("Call to %s with key %s failed: %s: %s", target.baseUrl(), target.fingerprint(),
                root.getClass().getName(), root.getMessage());
        return new DomotzException.Unreachable(target.baseUrl().toString(), why, failure);
    }

    /** What kind of failure, in a few fixed words. */
    static String failureKind(Throwable root) {
        if (root instanceof javax.net.ssl.SSLException) {
            return "TLS failed";
        }
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (root instanceof java.net.ConnectException) {
            return "could not connect";
        }
        if (root instanceof java.util.concurrent.TimeoutException || root instanceof java.net.SocketTimeoutException
                || root.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        if (root instanceof java.io.IOException) {
            return "the connection failed";
        }
        return "the call failed";
    }
}
