package io.sitedeck.domotz;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import io.quarkus.arc.Arc;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The gateway's read cache: a TTL per entry, and single flight — while one call for a key is on
 * its way, identical requests wait for its answer instead of calling again (N viewers, one call).
 * A failed call is not cached; the next request tries again. When Domotz refuses for quota or
 * fails, the last good answer (up to a day old) is served instead and {@link Freshness} says so.
 */
@ApplicationScoped
class UpstreamCache {

    /** A value and when Domotz sent it. */
    private record Stamped(Object value, Instant fetchedAt) {}

    private final AsyncCache<CallKey, Object> cache;
    /** The last good answer of every read, kept a day longer, for when Domotz refuses or fails. */
    private final Cache<CallKey, Stamped> lastGood;
    private final UpstreamCalls calls;

    UpstreamCache(DomotzConfig config, UpstreamCalls calls) {
        this.calls = calls;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.cacheMaxEntries())
                .expireAfter(new PerEntryTtl())
                .buildAsync();
        this.lastGood = Caffeine.newBuilder()
                .maximumSize(config.cacheMaxEntries())
                .expireAfterWrite(Duration.ofHours(24))
                .build();
    }

    @SuppressWarnings("unchecked")
    <T> T read(DomotzTarget target, String operation, Duration ttl, Integer agentId, Integer deviceId,
               Supplier<T> upstream, Object... args) {
        CallKey key = new CallKey(target.baseUrl().toString(), target.fingerprint(), operation, agentId, deviceId,
                Arrays.asList(args), ttl);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> shared = cache.get(key, (k, executor) -> mine);
        if (shared == mine) {
            // This thread won the race: it makes the one upstream call, the others wait on `mine`.
            try {
                T value = calls.call(target, operation, upstream);
                if (value != null) {
                    lastGood.put(key, new Stamped(value, Instant.now()));
                }
                mine.complete(value);
            } catch (RuntimeException | Error failure) {
                mine.completeExceptionally(failure);
            }
        }
        try {
            return (T) shared.join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof DomotzException failure && servesStale(failure)) {
                Stamped stamped = lastGood.getIfPresent(key);
                if (stamped != null) {
                    noteStale(stamped.fetchedAt(), failure);
                    return (T) stamped.value();
                }
            }
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw wrapped;
        }
    }

    /** Quota and outages are passing: older data is better than none. A rejected key or a 404 is not. */
    private static boolean servesStale(DomotzException failure) {
        return failure instanceof DomotzException.QuotaExceeded || failure instanceof DomotzException.Unavailable;
    }

    private static void noteStale(Instant fetchedAt, DomotzException failure) {
        if (Arc.container().requestContext().isActive()) {
            Arc.container().instance(Freshness.class).get().servedStale(fetchedAt, failure.explanation());
        }
    }

    /** Drops the cached reads of these operations about the agent (and device, when given) on the target's cell. */
    void invalidate(DomotzTarget target, int agentId, Integer deviceId, String... operations) {
        Set<String> affected = Set.of(operations);
        String baseUrl = target.baseUrl().toString();
        cache.synchronous().asMap().keySet()
                .removeIf(key -> affected.contains(key.operation()) && key.concerns(baseUrl, agentId, deviceId));
        // Known to be outdated now: never serve these as "older data" either.
        lastGood.asMap().keySet()
                .removeIf(key -> affected.contains(key.operation()) && key.concerns(baseUrl, agentId, deviceId));
    }

    long size() {
        return cache.synchronous().estimatedSize();
    }

    private static final class PerEntryTtl implements Expiry<CallKey, Object> {
        @Override
        public long expireAfterCreate(CallKey key, Object value, long currentTime) {
            return key.ttl().toNanos();
        }

        @Override
        public long expireAfterUpdate(CallKey key, Object value, long currentTime, long currentDuration) {
            return key.ttl().toNanos();
        }

        @Override
        public long expireAfterRead(CallKey key, Object value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
