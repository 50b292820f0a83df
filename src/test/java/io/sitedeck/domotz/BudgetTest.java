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

/** Adaptive freshness: TTLs follow the share of the day's budget left against the share of the day to come. */
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
        assertEquals(1.5, budget.factor(1000, 500, todayAt(6)), 0.001, "half gone by 6:00");
        assertEquals(5.0, budget.factor(1000, 100, todayAt(12)), 0.001, "10% left at noon");
        assertEquals(20.0, budget.factor(1000, 0, todayAt(12)), 0.001, "nothing left: the longest");
        assertEquals(0.5, budget.factor(1000, 900, todayAt(23)), 0.001, "plenty left late: shorter, not below half");
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
