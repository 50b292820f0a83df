package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Adaptive freshness's arithmetic, without Quarkus: time is whatever each call says it is. */
class BudgetControllerTest {

    private static final Instant DAY = Instant.parse("2026-12-04T00:00:00Z");

    private final BudgetController controller = new BudgetController(0.5, 240, Duration.ofDays(1));

    private static Instant at(int hour) {
        return DAY.plus(Duration.ofHours(hour));
    }

    @Test
    void stretchesFreshnessAsTheBudgetRunsAheadOfTheDay() {
        assertEquals(1.0, controller.pace(1000, 750, at(6)), 0.001, "on pace: as configured");
        assertEquals(3.0, controller.pace(1000, 500, at(6)), 0.001, "half gone by 6:00");
        assertEquals(9.0, controller.pace(1000, 100, at(12)), 0.001, "10% left at noon");
        assertEquals(240.0, controller.pace(1000, 0, at(12)), 0.001, "nothing left: the longest");
        assertEquals(0.5, controller.pace(1000, 900, at(23)), 0.001, "plenty left late: shorter, not below half");
        assertEquals(1.0, controller.pace(0, 0, at(12)), 0.001, "no limit known: as configured");
    }

    @Test
    void stretchesUntilSpendingIsAffordableAndRelaxesSlowly() {
        // At noon, 43,200 calls left afford one call a second until midnight. This key spends ten a second.
        Instant noon = at(12);
        long step = 30_000; // a tenth of the 5-minute window of a 24 h budget day
        double factor = 1.0;
        int count = 0;
        for (int i = 0; i <= 20; i++) {
            factor = controller.update("burst-key", 1.0, 43_200, count, noon.plusMillis(i * step));
            count += (int) (10 * step / 1000 / factor); // calls fall as answers stay fresh longer
        }
        assertTrue(factor > 5 && factor < 20, "settles near the affordable pace: " + factor);
        // Then nobody calls: the factor halves over five windows, not at once.
        double calm = controller.update("burst-key", 1.0, 43_200, count, noon.plusMillis(21 * step));
        assertTrue(calm > factor / 2, "no sudden drop: " + calm + " after " + factor);
        double later = controller.update("burst-key", 1.0, 43_200, count, noon.plusMillis(21 * step + 1_500_000));
        assertTrue(later < factor / 1.9, "half after five windows: " + later + " after " + factor);
    }

    @Test
    void aFactorStaysInForceForATenthOfAWindowThenIsDueAgain() {
        Instant noon = at(12);
        assertFalse(controller.inForce("key", noon).isPresent(), "nothing set yet");
        double set = controller.update("key", 3.0, 43_200, 0, noon);
        assertEquals(3.0, set, 0.001, "never below the pace");
        assertEquals(set, controller.inForce("key", noon.plusSeconds(29)).orElseThrow(), 0.001);
        assertFalse(controller.inForce("key", noon.plusSeconds(30)).isPresent(), "a tenth of the 5-minute window later");
        assertEquals(set, controller.latest("key").orElseThrow(), 0.001, "still the last one set");
        assertEquals(set, controller.update("key", 1.0, 43_200, 10_000, noon.plusSeconds(10)), 0.001,
                "an update before it is due changes nothing");
    }

    @Test
    void nothingLeftStretchesToTheLongestAtOnce() {
        assertEquals(240.0, controller.update("spent-key", 1.0, 0, 5, at(9)), 0.001);
    }
}
