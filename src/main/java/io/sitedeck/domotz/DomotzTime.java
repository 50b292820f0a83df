package io.sitedeck.domotz;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Date-times as the Domotz API wants them in queries: UTC, {@code yyyy-MM-ddTHH:mm:ss}. */
public final class DomotzTime {

    private static final DateTimeFormatter QUERY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private DomotzTime() {
    }

    public static String query(Instant instant) {
        return instant == null ? null : QUERY.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
