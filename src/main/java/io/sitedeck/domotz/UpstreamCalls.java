package io.sitedeck.domotz;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes one upstream call: waits for one of the key's {@code concurrent_allowed} slots, turns
 * whatever goes wrong into a {@link DomotzException}, and counts the call by operation and
 * outcome ({@code sitedeck_domotz_calls_total}). Logs name the key by fingerprint only.
 */
@ApplicationScoped
class UpstreamCalls {

    private static final Logger LOG = Logger.getLogger(UpstreamCalls.class);

    private final Map<String, KeySlots> slots = new ConcurrentHashMap<>();
    /** Calls Sitedeck made per key today (UTC), for its share of the daily budget. */
    private final Map<String, DailyCount> spent = new ConcurrentHashMap<>();

    private record DailyCount(java.time.LocalDate day, java.util.concurrent.atomic.AtomicInteger count) {}
    private final DomotzConfig config;
    private final MeterRegistry metrics;

    UpstreamCalls(DomotzConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    <T> T call(DomotzTarget target, String operation, Supplier<T> upstream) {
        KeySlots keySlots = slotsOf(target);
        acquire(keySlots, operation);
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

    /** How many calls Sitedeck made with this key today (UTC), counted in this instance. */
    int spentToday(DomotzTarget target) {
        DailyCount today = spent.get(target.fingerprint());
        return today == null || !today.day().equals(java.time.LocalDate.now(java.time.ZoneOffset.UTC)) ? 0
                : today.count().get();
    }

    private void count(DomotzTarget target) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        spent.compute(target.fingerprint(), (k, old) -> old != null && old.day().equals(today) ? old
                : new DailyCount(today, new java.util.concurrent.atomic.AtomicInteger())).count().incrementAndGet();
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

    private void acquire(KeySlots keySlots, String operation) {
        try {
            if (!keySlots.acquire(config.queueTimeout())) {
                throw new DomotzException.Unavailable(0, "all " + keySlots.limit()
                        + " concurrent calls of this key are busy; " + operation + " gave up waiting", null);
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
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
            return new DomotzException.Unavailable(status, "Domotz answered HTTP " + status, failure);
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        // People read these messages: say what happened, not which Java class noticed it.
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        LOG.debugf("Call to %s with key %s failed: %s: %s", target.baseUrl(), target.fingerprint(),
                root.getClass().getName(), root.getMessage());
        if (root instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return new DomotzException.Unavailable(0, "Domotz sent an answer that could not be read", failure);
        }
        return new DomotzException.Unavailable(0, "could not reach " + target.baseUrl() + " (" + why + ")", failure);
    }
}
