package io.sitedeck.availability;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A maintenance window in words, in its site's zone: "Weekly on Sat, Sun at 01:30 for 2 h". */
public final class MaintenanceText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private MaintenanceText() {
    }

    public static String describe(MaintenanceWindow w) {
        String length = length(w.lengthMinutes);
        return switch (w.kind) {
            case ONCE -> WHEN.format(w.startsAt.atZone(w.zoneId())) + " – " + WHEN.format(w.endsAt.atZone(w.zoneId()));
            case WEEKLY -> "Weekly on " + WeekDay.list(w.days()) + " at " + w.startTime + " for " + length;
            case MONTHLY -> "Monthly on day " + w.dayOfMonth + " at " + w.startTime + " for " + length;
        } + " (" + w.zone + ")";
    }

    /** What a page says while the window is on. */
    public static String banner(MaintenanceWindow w) {
        return "In maintenance: " + w.title + " — " + describe(w) + ", set by " + w.createdBy + ".";
    }

    public static String covers(MaintenanceWindow w) {
        return switch (w.covers) {
            case SITE -> "the whole site";
            case DEVICES -> "devices " + w.deviceIds.replace(",", ", ");
            case TAG -> "devices tagged " + w.tag;
        };
    }

    static String length(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min"
                : minutes + " min";
    }
}
