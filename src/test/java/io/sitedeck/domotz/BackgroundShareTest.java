package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The crawler's share of the day's budget, as plain arithmetic. */
class BackgroundShareTest {

    @Test
    void aQuietMorningLeavesTheShareOfTheWholeSpareBudget() {
        // 1,000 a day, nobody used any by 6:00: half of the 1,000 spare is the crawler's.
        assertEquals(500, BackgroundShare.callsLeft(1000, 1000, 0, 0, 0.25, 0.5));
    }

    @Test
    void whatTheCrawlerSpentCountsAgainstItsShareNotAsLessSpare() {
        // After 200 crawler calls, 800 left: the spare is still 1,000, so 300 more.
        assertEquals(300, BackgroundShare.callsLeft(1000, 800, 0, 200, 0.5, 0.5));
        assertEquals(0, BackgroundShare.callsLeft(1000, 500, 0, 500, 0.5, 0.5));
    }

    @Test
    void peoplesProjectedNeedComesFirst() {
        // Noon, people spent 300 so far: they will need 300 more; spare 1000-300-300 = 400, half of it 200.
        assertEquals(200, BackgroundShare.callsLeft(1000, 700, 300, 0, 0.5, 0.5));
        // People on pace to spend the whole day: nothing spare.
        assertEquals(0, BackgroundShare.callsLeft(1000, 500, 500, 0, 0.5, 0.5));
    }

    @Test
    void aLowBudgetDayBelongsToPeople() {
        assertEquals(0, BackgroundShare.callsLeft(1000, 99, 0, 0, 0.99, 1.0));
        assertEquals(0, BackgroundShare.callsLeft(0, 0, 0, 0, 0.5, 0.5));
    }

    @Test
    void earlyInTheDayOnePersonsBurstIsNotProjectedAsAThousandfoldDay() {
        // 10 calls in the first minute (dayGone ~0.0007) count as 2% of the day gone: ~500 more projected,
        // spare 990 - 500 = 490, half of it 245 (not 10 / 0.0007 = 14,000 projected, which would leave nothing).
        assertEquals(245, BackgroundShare.callsLeft(1000, 990, 10, 0, 0.0007, 0.5));
    }
}
