package io.sitedeck.reports;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a monthly report is due: on a day of the month (1–28, which every month has) at a local time of a zone. A
 * time that does not exist on a spring-forward night moves on by the gap; one that exists twice is the first
 * (java.time's rules for a local time in a zone). Pure logic, unit-tested in {@code MonthlyRunTest}.
 */
record MonthlyRun(int dayOfMonth, LocalTime at, ZoneId zone) {

    MonthlyRun {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("A monthly report is sent on a day from 1 to 28.");
        }
    }

    /** The first run strictly after {@code after}. */
    Instant nextAfter(Instant after) {
        YearMonth month = YearMonth.from(after.atZone(zone));
        for (int i = 0; i < 2; i++) {
            Instant run = ZonedDateTime.of(month.plusMonths(i).atDay(dayOfMonth), at, zone).toInstant();
            if (run.isAfter(after)) {
                return run;
            }
        }
        throw new IllegalStateException("unreachable: next month's run is after " + after);
    }

    /** The month a run at {@code due} reports on: the one before it, in the schedule's zone. */
    YearMonth reportedMonth(Instant due) {
        return YearMonth.from(due.atZone(zone)).minusMonths(1);
    }
}
