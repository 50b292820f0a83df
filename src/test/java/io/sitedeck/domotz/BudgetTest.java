package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.domotz.model.ApiUsage;
import io.sitedeck.testing.MovableClock;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A key's budget in the running gateway: unknown until usage is read, then its own calls counted on top (the arithmetic: BudgetControllerTest). */
@QuarkusTest
class BudgetTest {

    @Inject
    Budget budget;

    @AfterEach
    void backToThePresent() {
        MovableClock.reset();
    }

    @Test
    void knowsNothingUntilUsageIsReadThenCountsItsOwnCallsOnTop() {
        // Noon: 98% of the day's budget spent is far ahead of the day (late in the evening it would be on pace).
        MovableClock.moveTo(LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
        DomotzTarget target = new DomotzTarget(URI.create("http://127.0.0.1:9/public-api/v1"), "budget-test-key");
        Budget.View unknown = budget.view(target);
        assertFalse(unknown.known());
        assertEquals(1.0, unknown.ttlFactor());
        assertEquals(Duration.ofSeconds(60), budget.adapt(target, Duration.ofSeconds(60)));

        budget.observed(target, new ApiUsage(List.of(), List.of(), List.of(), 5, 1000, 980));
        Budget.View low = budget.view(target);
        assertTrue(low.known());
        assertEquals(20, low.left());
        assertTrue(low.low(), "under a tenth of the budget left");
        assertTrue(budget.adapt(target, Duration.ofSeconds(60)).compareTo(Duration.ofSeconds(60)) > 0,
                "answers stay fresh longer when the budget runs low");
        assertNull(low.pausedUntil());
    }
}
