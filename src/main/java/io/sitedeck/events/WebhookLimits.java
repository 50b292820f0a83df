package io.sitedeck.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one team's webhook URL may cost this server: a token bucket of
 * {@code sitedeck.events.webhook-rate-per-minute} events (per instance), and at most
 * {@code sitedeck.events.max-stored-per-team} stored events. The stored count is read from the
 * database at most every {@link #COUNT_FRESH_FOR} per team and counted up locally in between, so
 * a flood costs no COUNT query per event.
 */
@ApplicationScoped
class WebhookLimits {

    static final Duration COUNT_FRESH_FOR = Duration.ofSeconds(30);

    private static final class Bucket {
        double tokens;
        Instant refilledAt;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private record Count(long stored, Instant readAt) {}

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<Long, Count> counts = new ConcurrentHashMap<>();
    private final EventsConfig config;

    WebhookLimits(EventsConfig config) {
        this.config = config;
    }

    /** Takes one event from the team's bucket; false when it is empty. */
    boolean admit(long tenantId, Instant now) {
        int perMinute = config.webhookRatePerMinute();
        Bucket bucket = buckets.computeIfAbsent(tenantId, id -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double elapsedMinutes = Math.max(0, Duration.between(bucket.refilledAt, now).toMillis()) / 60_000.0;
            bucket.tokens = Math.min(perMinute, bucket.tokens + elapsedMinutes * perMinute);
            bucket.refilledAt = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Seconds until the team's bucket has an event again (for Retry-After). */
    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60.0 / config.webhookRatePerMinute()));
    }

    boolean full(long tenantId, Instant now) {
        Count count = counts.compute(tenantId, (id, known) -> known != null
                && known.readAt().plus(COUNT_FRESH_FOR).isAfter(now) ? known : new Count(storedOf(id), now));
        return count.stored() >= config.maxStoredPerTeam();
    }

    void stored(long tenantId) {
        counts.computeIfPresent(tenantId, (id, known) -> new Count(known.stored() + 1, known.readAt()));
    }

    private static long storedOf(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> StoredEvent.count("tenantId", tenantId));
    }
}
