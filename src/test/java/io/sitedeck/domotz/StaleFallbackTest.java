package io.sitedeck.domotz;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.console.Freshness;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DomotzUser;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When Domotz refuses for quota or fails, the last good answer is served and the request knows
 * how old it is; a rejected key or a missing resource is never papered over.
 */
@QuarkusTest
class StaleFallbackTest {

    @Inject
    UpstreamCache cache;

    @Inject
    Freshness freshness;

    @Test
    @ActivateRequestContext
    void servesTheLastGoodAnswerWhenTheQuotaIsSpent() {
        DomotzTarget target = target();
        // A zero TTL expires the fresh entry at once; only the last good answer remains.
        assertEquals(12, cache.read(target, Read.of(Operation.COUNT_AGENTS, Duration.ZERO, null, null), () -> 12));
        assertFalse(freshness.stale());

        int served = cache.read(target, Read.of(Operation.COUNT_AGENTS, Duration.ZERO, null, null), () -> {
            throw new DomotzException.QuotaExceeded("Daily API limit reached", null);
        });

        assertEquals(12, served);
        assertTrue(freshness.stale());
        assertTrue(freshness.reason().contains("quota"), freshness.reason());
        assertTrue(freshness.age().endsWith(" s"), freshness.age());
    }

    @Test
    @ActivateRequestContext
    void servesItWhenTheCellIsDownToo() {
        DomotzTarget target = target();
        cache.read(target, Read.of(Operation.COUNT_AGENTS, Duration.ZERO, 7, null), () -> 7);
        assertEquals(7, cache.read(target, Read.of(Operation.COUNT_AGENTS, Duration.ZERO, 7, null), () -> {
            throw new DomotzException.Unavailable(503, "HTTP 503: maintenance", null);
        }));
    }

    @Test
    @ActivateRequestContext
    void neverHidesARejectedKeyOrAMissingResource() {
        DomotzTarget target = target();
        cache.read(target, Read.of(Operation.GET_USER, Duration.ZERO, null, null), () -> new DomotzUser(1, "user"));
        assertThrows(DomotzException.KeyRejected.class, () -> cache.read(target, Read.of(Operation.GET_USER, Duration.ZERO, null, null),
                () -> {
                    throw new DomotzException.KeyRejected("Invalid API key");
                }));
        assertThrows(DomotzException.NotFound.class, () -> cache.read(target, Read.of(Operation.GET_USER, Duration.ZERO, null, null),
                () -> {
                    throw new DomotzException.NotFound("gone");
                }));
        assertFalse(freshness.stale());
    }

    @Test
    @ActivateRequestContext
    void forgetsWhatAMutationChanged() {
        DomotzTarget target = target();
        cache.read(target, Read.of(Operation.LIST_DEVICES, Duration.ZERO, 9, null), () -> List.<Device>of());
        cache.invalidate(target, 9, null, Set.of(Operation.LIST_DEVICES));
        assertThrows(DomotzException.QuotaExceeded.class, () -> cache.read(target,
                Read.of(Operation.LIST_DEVICES, Duration.ZERO, 9, null), () -> {
                    throw new DomotzException.QuotaExceeded("spent", null);
                }));
    }

    private static DomotzTarget target() {
        return new DomotzTarget(URI.create("http://127.0.0.1:9/public-api/v1"), "key-" + UUID.randomUUID());
    }
}
