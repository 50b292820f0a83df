package io.sitedeck.availability;

import io.sitedeck.shared.BadInput;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "new maintenance window" form as typed (shown again, unchanged, when it is refused) and its reading into a
 * window; times are local times of the site's zone. Anything it cannot read is a {@link BadInput} naming the field.
 */
public record MaintenanceForm(String title, String covers, String devices, String tag, String kind, String from,
                              String to, List<String> days, String dayOfMonth, String start, String hours) {

    public static final MaintenanceForm BLANK = new MaintenanceForm("", "SITE", "", "", "ONCE", "", "", List.of(), "1",
            "02:00", "2");

    public MaintenanceForm {
        days = days == null ? List.of() : List.copyOf(days);
    }

    public boolean hasDay(String day) {
        return days.contains(day);
    }

    public MaintenanceWindow read(int agentId, ZoneId zone) {
        MaintenanceWindow w = new MaintenanceWindow();
        w.agentId = agentId;
        w.zone = zone.getId();
        w.title = required(title, "Give the window a title.").trim();
        if (w.title.length() > 200) {
            throw new BadInput("The title is 200 characters at most.");
        }
        w.covers = choice(MaintenanceWindow.Covers.class, covers, "Choose what the window covers.");
        if (w.covers == MaintenanceWindow.Covers.DEVICES) {
            w.deviceIds = deviceIds();
        } else if (w.covers == MaintenanceWindow.Covers.TAG) {
            w.tag = required(tag, "Name the tag whose devices the window covers.").trim().toLowerCase(Locale.ROOT);
            if (!w.tag.matches("[\\p{L}\\p{N}._-]{1,100}")) {
                throw new BadInput("A tag is one word: letters, digits, dot, dash or underscore.");
            }
        }
        w.kind = choice(MaintenanceSchedule.Kind.class, kind, "Choose once, weekly or monthly.");
        try {
            switch (w.kind) {
                case ONCE -> {
                    w.startsAt = local(from, "from").atZone(zone).toInstant();
                    w.endsAt = local(to, "to").atZone(zone).toInstant();
                    if (!w.endsAt.isAfter(w.startsAt)) {
                        throw new BadInput("The window ends after it starts.");
                    }
                    w.lengthMinutes = (int) Duration.between(w.startsAt, w.endsAt).toMinutes();
                }
                case WEEKLY -> {
                    w.weekDays = weekDays();
                    recurring(w);
                }
                case MONTHLY -> {
                    w.dayOfMonth = Integer.valueOf(required(dayOfMonth, "Choose the day of the month.").trim());
                    recurring(w);
                }
            }
            w.schedule();
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            throw new BadInput("A date, time, day or length could not be read; use the form's fields.");
        } catch (IllegalArgumentException refused) {
            throw new BadInput(refused.getMessage());
        }
        return w;
    }

    private void recurring(MaintenanceWindow w) {
        w.startTime = LocalTime.parse(required(start, "Give the time the window starts.").trim()).toString();
        double length = Double.parseDouble(required(hours, "Give how many hours the window lasts.").trim());
        if (!(length > 0 && length <= 168)) {
            throw new BadInput("A recurring window lasts more than 0 and at most 168 hours.");
        }
        w.lengthMinutes = (int) Math.round(length * 60);
    }

    private String deviceIds() {
        List<String> ids = Arrays.stream(required(devices, "List the device ids the window covers.").split("[,\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        if (ids.isEmpty() || ids.size() > 100 || !ids.stream().allMatch(s -> s.matches("\\d{1,9}"))) {
            throw new BadInput("Device ids are numbers separated by commas (at most 100).");
        }
        return ids.stream().distinct().collect(Collectors.joining(","));
    }

    private String weekDays() {
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days) {
            chosen.add(choice(DayOfWeek.class, day, "Choose days of the week."));
        }
        if (chosen.isEmpty()) {
            throw new BadInput("Choose at least one day of the week.");
        }
        return chosen.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static LocalDateTime local(String value, String field) {
        return LocalDateTime.parse(required(value, "Give the window's " + field + " date and time.").trim());
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String message) {
        try {
            return Enum.valueOf(type, required(value, message).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadInput(message);
        }
    }

    private static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new BadInput(message);
        }
        return value;
    }
}
