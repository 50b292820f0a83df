package io.sitedeck.availability;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * When a maintenance window is on (issue #18): once (from–to), weekly on chosen days, or monthly on a day of the month,
 * at a local time of the site's zone, for a length. The days come from a cron expression evaluated by cron-utils; the
 * time of day is then placed on each day by java.time, so a window never disappears on a daylight-saving day: a
 * start that does not exist (01:30 on a spring-forward night in London) moves on by the gap (02:30), a start that
 * exists twice (01:30 on an autumn night) is the first. A monthly day a month lacks (the 31st) is skipped that month.
 */
public record MaintenanceSchedule(Kind kind, Instant from, Instant to, Set<DayOfWeek> days, int dayOfMonth,
                                  LocalTime start, Duration length) {

    public enum Kind { ONCE, WEEKLY, MONTHLY }

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /**
     * Parsed rules by expression: "is a window on now" is asked on every site, device and NOC page and for every
     * webhook event, and there are few distinct rules (days × kind), so each is parsed once.
     */
    private static final Map<String, ExecutionTime> PARSED = new ConcurrentHashMap<>();

    public MaintenanceSchedule {
        days = days == null ? Set.of() : Set.copyOf(days);
    }

    public static MaintenanceSchedule once(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A maintenance window ends after it starts.");
        }
        return new MaintenanceSchedule(Kind.ONCE, from, to, Set.of(), 0, null, Duration.between(from, to));
    }

    public static MaintenanceSchedule weekly(Set<DayOfWeek> days, LocalTime start, Duration length) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one day of the week.");
        }
        return new MaintenanceSchedule(Kind.WEEKLY, null, null, EnumSet.copyOf(days), 0, start, positive(length));
    }

    public static MaintenanceSchedule monthly(int dayOfMonth, LocalTime start, Duration length) {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("The day of the month is 1 to 31.");
        }
        return new MaintenanceSchedule(Kind.MONTHLY, null, null, Set.of(), dayOfMonth, start, positive(length));
    }

    /** The windows' times that overlap the period, clipped to it, in order. */
    public List<Availability.Interval> within(Availability.Interval period, ZoneId zone) {
        List<Availability.Interval> on = new ArrayList<>();
        if (kind == Kind.ONCE) {
            clip(on, from, to, period);
            return on;
        }
        // Noon exists on every day, so cron-utils yields every matching day; the start is placed on it afterwards.
        ExecutionTime days = PARSED.computeIfAbsent("0 12 " + cronDays(), rule -> ExecutionTime.forCron(CRON.parse(rule)));
        ZonedDateTime cursor = period.from().minus(length).atZone(zone).toLocalDate().minusDays(1).atStartOfDay(zone);
        LocalDate last = period.to().atZone(zone).toLocalDate();
        while (true) {
            ZonedDateTime day = days.nextExecution(cursor).orElse(null);
            if (day == null || day.toLocalDate().isAfter(last)) {
                return on;
            }
            Instant begins = ZonedDateTime.of(day.toLocalDate(), start, zone).toInstant();
            clip(on, begins, begins.plus(length), period);
            cursor = day;
        }
    }

    /** Whether the window is on at this instant. */
    public boolean activeAt(Instant at, ZoneId zone) {
        return !within(new Availability.Interval(at, at.plusMillis(1)), zone).isEmpty();
    }

    /** The cron day-of-month and day-of-week fields (and month) of the rule. */
    private String cronDays() {
        return kind == Kind.MONTHLY ? dayOfMonth + " * *"
                : "* * " + days.stream().map(d -> String.valueOf(d.getValue() % 7)).sorted().collect(Collectors.joining(","));
    }

    private static void clip(List<Availability.Interval> on, Instant begins, Instant ends, Availability.Interval period) {
        Instant a = begins.isBefore(period.from()) ? period.from() : begins;
        Instant b = ends.isAfter(period.to()) ? period.to() : ends;
        if (a.isBefore(b)) {
            on.add(new Availability.Interval(a, b));
        }
    }

    private static Duration positive(Duration length) {
        if (length == null || length.isZero() || length.isNegative() || length.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("A recurring window lasts between a minute and seven days.");
        }
        return length;
    }
}
