package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.domotz.model.ApiUsage;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adaptive freshness: TTLs stretch by how much faster than sustainable a key spends its day's budget. */
@QuarkusTest
class BudgetTest {

    @Inject
    Budget budget;

    private static Instant todayAt(int hour) {
        return LocalDate.now(ZoneOffset.UTC).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    @Test
    void stretchesFreshnessAsTheBudgetRunsAheadOfTheDay() {
        assertEquals(1.0, budget.factor(1000, 750, todayAt(6)), 0.001, "on pace: as configured");
        assertEquals(3.0, budget.factor(1000, 500, todayAt(6)), 0.001, "half gone by 6:00");
        assertEquals(9.0, budget.factor(1000, 100, todayAt(12)), 0.001, "10% left at noon");
        assertEquals(240.0, budget.factor(1000, 0, todayAt(12)), 0.001, "nothing left: the longest");
        assertEquals(0.5, budget.factor(1000, 900, todayAt(23)), 0.001, "plenty left late: shorter, not below half");
    }

    @Test
    void stretchesUntilSpendingIsAffordableAndRelaxesSlowly() {
        // At noon, 43,200 calls left afford one call a second until midnight. This key spends ten a second.
        Instant noon = todayAt(12);
        long step = 30_000; // a tenth of the 5-minute window of a 24 h budget day
        double factor = 1.0;
        int count = 0;
        for (int i = 0; i <= 20; i++) {
            factor = budget.controlled("burst-key", 1.0, 43_200, count, noon.plusMillis(i * step));
            count += (int) (10 * step / 1000 / factor); // calls fall as answers stay fresh longer
        }
        assertTrue(factor > 5 && factor < 20, "settles near the affordable pace: " + factor);
        // Then nobody calls: the factor halves over five windows, not at once.
        double calm = budget.controlled("burst-key", 1.0, 43_200, count, noon.plusMillis(21 * step));
        assertTrue(calm > factor / 2, "no sudden drop: " + calm + " after " + factor);
        double later = budget.controlled("burst-key", 1.0, 43_200, count, noon.plusMillis(21 * step + 1_500_000));
        assertTrue(later < factor / 1.9, "half after five windows: " + later + " after " + factor);
    }

    @Test
    void knowsNothingUntilUsageIsReadThenCountsItsOwnCallsOnTop() {
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
