package io.sitedeck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a monthly report is due, case by case: this month or the next, the zone's offset, daylight-saving nights. */
class MonthlyRunTest {

    @ParameterizedTest(name = "day {0} at {1} in {2}, after {3}: {4}")
    @CsvSource({
            // later this month, in summer time (UTC+2)
            "1, 07:00, Europe/Rome, 2026-06-20T10:00:00Z, 2026-07-01T05:00:00Z",
            // the same day, still ahead; then just past it: next month (winter time, UTC+1)
            "5, 07:00, Europe/Rome, 2026-12-05T05:59:00Z, 2026-12-05T06:00:00Z",
            "5, 07:00, Europe/Rome, 2026-12-05T06:00:00Z, 2027-01-05T06:00:00Z",
            // 02:30 does not exist on 8 March 2026 in New York (02:00 → 03:00): moved on by the gap, 03:30 EDT
            "8, 02:30, America/New_York, 2026-03-01T00:00:00Z, 2026-03-08T07:30:00Z",
            // 02:30 exists twice on 25 October 2026 in Rome: the first, still summer time
            "25, 02:30, Europe/Rome, 2026-10-01T00:00:00Z, 2026-10-25T00:30:00Z",
            // a zone west of UTC: 07:00 on the 1st in New York is 12:00 UTC
            "1, 07:00, America/New_York, 2026-12-31T23:00:00Z, 2027-01-01T12:00:00Z",
    })
    void nextRun(int day, String at, String zone, String after, String expected) {
        assertEquals(Instant.parse(expected), new MonthlyRun(day, LocalTime.parse(at), ZoneId.of(zone))
                .nextAfter(Instant.parse(after)));
    }

    @org.junit.jupiter.api.Test
    void onlyDaysEveryMonthHas() {
        assertThrows(IllegalArgumentException.class, () -> new MonthlyRun(29, LocalTime.of(7, 0), ZoneId.of("UTC")));
        assertThrows(IllegalArgumentException.class, () -> new MonthlyRun(0, LocalTime.of(7, 0), ZoneId.of("UTC")));
    }

    @ParameterizedTest(name = "a run at {0} in {1} reports on {2}")
    @CsvSource({
            "2026-12-01T06:00:00Z, Europe/Rome, 2026-11",
            // 23:30 UTC on 31 December is already 1 January in Rome
            "2026-12-31T23:30:00Z, Europe/Rome, 2026-12",
            "2026-12-31T23:30:00Z, UTC, 2026-11",
    })
    void reportedMonth(String due, String zone, String month) {
        assertEquals(YearMonth.parse(month), new MonthlyRun(1, LocalTime.of(7, 0), ZoneId.of(zone))
                .reportedMonth(Instant.parse(due)));
    }
}
