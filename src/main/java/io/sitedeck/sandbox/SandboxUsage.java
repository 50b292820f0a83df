package io.sitedeck.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the sandbox has been asked, for {@code /meta/usage} and the daily limit: calls over the
 * last 24 hours (in hourly buckets) by key, by client IP and by base resource, per Domotz user,
 * and the calls each key has in flight right now.
 */
@ApplicationScoped
class SandboxUsage {

    @Inject
    Clock clock;

    private final Map<String, RollingDay> counters = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** How long an "hour" of the rolling day lasts: shorter only to compress a day in a benchmark. */
    private final long hourMillis;

    SandboxUsage(SandboxConfig config) {
        this.hourMillis = Math.max(1, config.hourLength().toMillis());
    }

    void record(SandboxKey key, String ip, String resource) {
        long hour = currentHour();
        counter("key:" + key.id()).add(hour);
        counter("ip:" + key.userId() + ":" + ip).add(hour);
        counter("resource:" + key.userId() + ":" + resource).add(hour);
    }

    int dailyUsage(SandboxKey key) {
        return count("key:" + key.id());
    }

    int count(String name) {
        RollingDay day = counters.get(name);
        return day == null ? 0 : day.total(currentHour());
    }

    /** Counts of one dimension ("ip" or "resource") of a user, by name. */
    Map<String, Integer> byName(String dimension, int userId) {
        String prefix = dimension + ":" + userId + ":";
        Map<String, Integer> result = new java.util.TreeMap<>();
        counters.forEach((name, day) -> {
            int total = day.total(currentHour());
            if (name.startsWith(prefix) && total > 0) {
                result.put(name.substring(prefix.length()), total);
            }
        });
        return result;
    }

    /** Takes one of the key's concurrent slots; false when all are taken. */
    boolean enter(SandboxKey key) {
        AtomicInteger current = inFlight.computeIfAbsent(key.id(), k -> new AtomicInteger());
        if (current.incrementAndGet() > key.concurrentAllowed()) {
            current.decrementAndGet();
            return false;
        }
        return true;
    }

    void leave(SandboxKey key) {
        inFlight.get(key.id()).decrementAndGet();
    }

    private RollingDay counter(String name) {
        return counters.computeIfAbsent(name, n -> new RollingDay());
    }

    private long currentHour() {
        return clock.millis() / hourMillis;
    }

    /** 24 hourly buckets; a bucket is reused (and reset) when its hour comes round again. */
    static final class RollingDay {
        private final AtomicLongArray hours = new AtomicLongArray(24);
        private final AtomicLongArray counts = new AtomicLongArray(24);

        synchronized void add(long hour) {
            int slot = (int) (hour % 24);
            if (hours.get(slot) != hour) {
                hours.set(slot, hour);
                counts.set(slot, 0);
            }
            counts.incrementAndGet(slot);
        }

        synchronized int total(long hour) {
            long sum = 0;
            for (int slot = 0; slot < 24; slot++) {
                if (hour - hours.get(slot) < 24) {
                    sum += counts.get(slot);
                }
            }
            return (int) sum;
        }
    }
}
