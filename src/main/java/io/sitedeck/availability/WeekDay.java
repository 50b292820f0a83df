package io.sitedeck.availability;

import io.quarkus.qute.TemplateData;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A day of the week as the forms offer it (maintenance windows, business hours): value, label, Monday–Friday.
 * {@code @TemplateData}: the shared hours-form tag takes a list of them untyped, and must not resolve by reflection.
 */
@TemplateData
public record WeekDay(String value, String label, boolean weekday) {

    public static final List<WeekDay> ALL = Arrays.stream(DayOfWeek.values())
            .map(d -> new WeekDay(d.name(), label(d), d.getValue() <= 5)).toList();

    /** "Mon, Tue, Sat", in the week's order. */
    public static String list(Collection<DayOfWeek> days) {
        return days.stream().sorted().map(WeekDay::label).collect(Collectors.joining(", "));
    }

    private static String label(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
