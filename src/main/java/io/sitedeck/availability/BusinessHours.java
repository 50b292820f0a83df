package io.sitedeck.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Business hours of a tenant or site, e.g. Monday to Friday 08:00–18:00, in the site's own time zone: each day's
 * hours are local times, so a day with a daylight-saving change still has its ten hours (issue #18).
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    public BusinessHours {
        days = Set.copyOf(days);
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("Business hours close after they open: " + opens + "–" + closes);
        }
    }

    /** The hours that fall within the period, as instants. */
    public List<Availability.Interval> within(Availability.Interval period, ZoneId zone) {
        List<Availability.Interval> hours = new ArrayList<>();
        LocalDate last = period.to().atZone(zone).toLocalDate();
        for (LocalDate day = period.from().atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            var from = ZonedDateTime.of(day, opens, zone).toInstant();
            var to = ZonedDateTime.of(day, closes, zone).toInstant();
            var start = from.isBefore(period.from()) ? period.from() : from;
            var end = to.isAfter(period.to()) ? period.to() : to;
            if (start.isBefore(end)) {
                hours.add(new Availability.Interval(start, end));
            }
        }
        return hours;
    }

    /** "Mon, Tue, Wed, Thu, Fri 08:00–18:00". */
    public String describe() {
        return WeekDay.list(days) + " " + opens + "–" + closes;
    }
}
