package io.sitedeck.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitedeck.availability.Availability.Interval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Maintenance windows' times (issue #18): recurring windows across daylight-saving changes, clipping, once. */
class MaintenanceScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Interval days(String from, String to) {
        return new Interval(LocalDate.parse(from).atStartOfDay(LONDON).toInstant(),
                LocalDate.parse(to).atStartOfDay(LONDON).toInstant());
    }

    private static List<String> utc(List<Interval> intervals) {
        return intervals.stream().map(i -> i.from() + "/" + i.to()).toList();
    }

    @Test
    void aWeeklyWindowKeepsItsLocalTimeAcrossTheSpringChangeAndMovesOnByTheGap() {
        MaintenanceSchedule sundays = MaintenanceSchedule.weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 30),
                Duration.ofHours(2));
        assertEquals(List.of(
                "2026-03-22T01:30:00Z/2026-03-22T03:30:00Z", // GMT
                // 29 March: 01:30 does not exist in London (01:00 → 02:00); the window starts at 02:30 BST.
                "2026-03-29T01:30:00Z/2026-03-29T03:30:00Z",
                "2026-04-05T00:30:00Z/2026-04-05T02:30:00Z"), // 01:30 BST
                utc(sundays.within(days("2026-03-20", "2026-04-06"), LONDON)));
    }

    @Test
    void inTheRepeatedAutumnHourTheFirstOneCounts() {
        MaintenanceSchedule weekend = MaintenanceSchedule.weekly(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.of(1, 30), Duration.ofMinutes(60));
        assertEquals(List.of(
                "2026-10-24T00:30:00Z/2026-10-24T01:30:00Z",
                "2026-10-25T00:30:00Z/2026-10-25T01:30:00Z", // the first 01:30 (BST) of the 25-hour day
                "2026-10-31T01:30:00Z/2026-10-31T02:30:00Z"), // GMT
                utc(weekend.within(days("2026-10-24", "2026-11-01"), LONDON)));
    }

    @Test
    void monthlyWindowsSkipMonthsWithoutTheirDayAndAreClippedToThePeriod() {
        MaintenanceSchedule thirtyFirst = MaintenanceSchedule.monthly(31, LocalTime.of(22, 0), Duration.ofHours(4));
        // December's runs into January (its tail counts there); January's into February, clipped at the month's end;
        // February has no 31st; March's is in BST.
        assertEquals(List.of("2026-01-01T00:00:00Z/2026-01-01T02:00:00Z", "2026-01-31T22:00:00Z/2026-02-01T00:00:00Z"),
                utc(thirtyFirst.within(days("2026-01-01", "2026-02-01"), LONDON)));
        assertEquals(List.of("2026-02-01T00:00:00Z/2026-02-01T02:00:00Z"),
                utc(thirtyFirst.within(days("2026-02-01", "2026-03-01"), LONDON)), "the tail of January's window");
        assertEquals(List.of("2026-03-31T21:00:00Z/2026-03-31T23:00:00Z"), // 22:00 BST, clipped at 1 April 00:00 BST
                utc(thirtyFirst.within(days("2026-03-01", "2026-04-01"), LONDON)));
    }

    @Test
    void aOneOffWindowAndWhetherOneIsOnNow() {
        Instant from = Instant.parse("2026-11-10T09:00:00Z");
        MaintenanceSchedule once = MaintenanceSchedule.once(from, from.plus(Duration.ofHours(3)));
        assertEquals(List.of("2026-11-10T09:00:00Z/2026-11-10T12:00:00Z"), utc(once.within(days("2026-11-01", "2026-12-01"), LONDON)));
        assertTrue(once.activeAt(from.plusSeconds(60), LONDON));
        assertFalse(once.activeAt(from.plus(Duration.ofHours(3)), LONDON), "the end is not in the window");
        MaintenanceSchedule tuesdays = MaintenanceSchedule.weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(8, 0), Duration.ofHours(1));
        assertTrue(tuesdays.activeAt(Instant.parse("2026-11-10T08:30:00Z"), LONDON), "10 November 2026 is a Tuesday");
        assertFalse(tuesdays.activeAt(Instant.parse("2026-11-11T08:30:00Z"), LONDON));
    }

    @Test
    void nonsenseIsRefusedWithAMessage() {
        Instant at = Instant.parse("2026-11-10T09:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> MaintenanceSchedule.once(at, at));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceSchedule.weekly(Set.of(), LocalTime.NOON, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceSchedule.monthly(32, LocalTime.NOON, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceSchedule.monthly(1, LocalTime.NOON, Duration.ofDays(8)));
    }
}
