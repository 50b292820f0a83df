package io.sitedeck.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitedeck.availability.Availability.Acknowledgement;
import io.sitedeck.availability.Availability.Change;
import io.sitedeck.availability.Availability.Figures;
import io.sitedeck.availability.Availability.Input;
import io.sitedeck.availability.Availability.Interval;
import io.sitedeck.availability.Availability.Result;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The availability rules of docs/reports.md (issue #18), table-driven: each case a day (or a period) of a site in
 * Europe/London with its events, and the minutes up, down, in maintenance and unknown it must give, its availability
 * and its incidents.
 */
class AvailabilityTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    /** 29 March 2026: the clocks go forward at 01:00, the day has 23 hours. */
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    /** 25 October 2026: the clocks go back at 02:00, the day has 25 hours. */
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);
    private static final BusinessHours OFFICE = new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(18, 0));

    /** One row of the table. Minutes expected: up, down, maintenance, unknown; availability (null: none); incidents. */
    record Case(String name, Input input, long up, long down, long maintenance, long unknown, Double availability,
                List<String> incidents) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Interval day = day(DAY);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no events at all: unknown, never down", input(day, List.of(), List.of(), List.of()),
                0, 0, 0, 1440, null, List.of()));
        cases.add(new Case("up all day from an event the day before",
                input(day, List.of(up(DAY.minusDays(1), "12:00")), List.of(), List.of()), 1440, 0, 0, 0, 1.0, List.of()));
        cases.add(new Case("first event during the period: unknown until then",
                input(day, List.of(up(DAY, "06:00")), List.of(), List.of()), 1080, 0, 0, 360, 1.0, List.of()));
        cases.add(new Case("a down period crossing the period's start",
                input(day, List.of(down(DAY.minusDays(1), "23:00"), up(DAY, "01:00")), List.of(), List.of()),
                1380, 60, 0, 0, 1380.0 / 1440, List.of("00:00–01:00 60 min, started before")));
        cases.add(new Case("a down period crossing the period's end",
                input(day, List.of(up(DAY.minusDays(3), "09:00"), down(DAY, "23:30"), up(DAY.plusDays(1), "02:00")),
                        List.of(), List.of()),
                1410, 30, 0, 0, 1410.0 / 1440, List.of("23:30–00:00 30 min, ongoing")));
        cases.add(new Case("overlapping maintenance windows count once, and are not downtime",
                input(day, List.of(up(DAY.minusDays(1), "00:00"), down(DAY, "10:00"), up(DAY, "13:00")), List.of(),
                        List.of(span(DAY, "09:00", "11:00"), span(DAY, "10:30", "12:00"))),
                1200, 60, 180, 0, 1200.0 / 1260, List.of("12:00–13:00 60 min")));
        cases.add(new Case("agent disconnected while the device was down: unknown, not down",
                input(day, List.of(up(DAY.minusDays(1), "00:00"), down(DAY, "10:00"), up(DAY, "12:00")),
                        List.of(new Change(at(DAY, "09:00"), false), new Change(at(DAY, "11:00"), true)), List.of()),
                1260, 60, 0, 120, 1260.0 / 1320, List.of("11:00–12:00 60 min")));
        cases.add(new Case("a short blip is downtime but not an incident",
                input(day, List.of(up(DAY.minusDays(1), "00:00"), down(DAY, "10:00"), up(DAY, "10:04")),
                        List.of(), List.of()),
                1436, 4, 0, 0, 1436.0 / 1440, List.of()));
        cases.add(new Case("spring DST day: 23 hours",
                input(day(SPRING), List.of(up(SPRING.minusDays(1), "00:00")), List.of(), List.of()),
                1380, 0, 0, 0, 1.0, List.of()));
        cases.add(new Case("autumn DST day: 25 hours, a down hour in the repeated hour",
                input(day(AUTUMN), List.of(up(AUTUMN.minusDays(1), "00:00"),
                        new Change(Instant.parse("2026-10-25T01:00:00Z"), false),
                        new Change(Instant.parse("2026-10-25T02:00:00Z"), true)), List.of(), List.of()),
                1440, 60, 0, 0, 1440.0 / 1500, List.of("01:00–02:00 60 min")));
        cases.add(new Case("a maintenance window across the spring change keeps its wall-clock times",
                input(day(SPRING), List.of(up(SPRING.minusDays(1), "00:00")), List.of(),
                        List.of(span(SPRING, "00:30", "03:00"))),
                1290, 0, 90, 0, 1.0, List.of()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRules(Case c) {
        Result result = Availability.compute(c.input());
        Figures f = result.overall();
        assertEquals(List.of(c.up(), c.down(), c.maintenance(), c.unknown()),
                List.of(f.up().toMinutes(), f.down().toMinutes(), f.maintenance().toMinutes(), f.unknown().toMinutes()),
                "minutes up, down, in maintenance, unknown");
        assertEquals(c.input().period().length(), f.up().plus(f.down()).plus(f.maintenance()).plus(f.unknown()),
                "every instant is in exactly one state");
        if (c.availability() == null) {
            assertTrue(f.availability().isEmpty());
        } else {
            assertEquals(c.availability(), f.availability().orElseThrow(), 1e-9);
        }
        assertEquals(c.incidents(), result.incidents().stream().map(AvailabilityTest::describe).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("businessDays")
    void businessHoursAreLocalTimesEvenOnAChangeDay(LocalDate date, long minutes) {
        Interval week = new Interval(at(date, "00:00"), at(date.plusDays(1), "00:00"));
        Result result = Availability.compute(new Input(week, List.of(up(date.minusDays(1), "00:00"), down(date, "17:00")),
                List.of(), List.of(), OFFICE.within(week, LONDON), List.of(), Duration.ofMinutes(5)));
        assertEquals(minutes, result.businessHours().up().plus(result.businessHours().down()).toMinutes());
        if (minutes > 0) {
            assertEquals(60, result.businessHours().down().toMinutes(), "17:00–18:00 down within business hours");
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> businessDays() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of(DAY, 600L), // a Tuesday
                org.junit.jupiter.params.provider.Arguments.of(LocalDate.of(2026, 3, 30), 600L), // the Monday after spring
                org.junit.jupiter.params.provider.Arguments.of(SPRING, 0L)); // a Sunday: none
    }

    @org.junit.jupiter.api.Test
    void anIncidentCarriesTheAcknowledgementThatCoversIt() {
        Interval day = day(DAY);
        Acknowledgement ack = new Acknowledgement(at(DAY, "10:20"), null, "anna@msp.example", "ISP ticket 4411");
        Acknowledgement earlier = new Acknowledgement(at(DAY, "02:00"), at(DAY, "03:00"), "bob@msp.example", "reboot");
        Result result = Availability.compute(new Input(day, List.of(up(DAY.minusDays(1), "00:00"), down(DAY, "10:00"),
                up(DAY, "11:00"), down(DAY, "14:00"), up(DAY, "15:00")), List.of(), List.of(), null, List.of(earlier, ack),
                Duration.ofMinutes(5)));
        assertEquals(2, result.incidents().size());
        assertEquals("ISP ticket 4411", result.incidents().get(0).acknowledgement().note());
        assertNull(result.incidents().get(1).acknowledgement(), "an acknowledgement until recovery ends with it");
        assertNull(result.businessHours());
    }

    private static String describe(Availability.Incident i) {
        return hhmm(i.start()) + "–" + hhmm(i.end()) + " " + i.duration().toMinutes() + " min"
                + (i.startedBefore() ? ", started before" : "") + (i.ongoing() ? ", ongoing" : "");
    }

    private static String hhmm(Instant at) {
        return at.atZone(LONDON).toLocalTime().toString();
    }

    private static Input input(Interval period, List<Change> device, List<Change> agent, List<Interval> maintenance) {
        return new Input(period, device, agent, maintenance, null, List.of(), Duration.ofMinutes(5));
    }

    private static Interval day(LocalDate date) {
        return new Interval(date.atStartOfDay(LONDON).toInstant(), date.plusDays(1).atStartOfDay(LONDON).toInstant());
    }

    private static Interval span(LocalDate date, String from, String to) {
        return new Interval(at(date, from), at(date, to));
    }

    private static Instant at(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(LONDON).toInstant();
    }

    private static Change up(LocalDate date, String time) {
        return new Change(at(date, time), true);
    }

    private static Change down(LocalDate date, String time) {
        return new Change(at(date, time), false);
    }
}
