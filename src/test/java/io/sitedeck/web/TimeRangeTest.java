package io.sitedeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** History windows from the URL: presets, custom windows in the site's zone, and what falls back. */
class TimeRangeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:17:42Z");

    @Test
    void presetsEndOnWholeFiveMinutes() {
        TimeRange day = TimeRange.parse("24h", null, null, null, "Europe/Rome", NOW);
        assertEquals(Instant.parse("2026-12-04T10:15:00Z"), day.to());
        assertEquals(Duration.ofHours(24), Duration.between(day.from(), day.to()));
        assertEquals("range=24h", day.query());
        assertEquals("Europe/Rome", day.zoneName());
        assertEquals(Duration.ofDays(30), Duration.between(TimeRange.parse("30d", null, null, null, null, NOW).from(),
                TimeRange.parse("30d", null, null, null, null, NOW).to()));
    }

    @Test
    void aCustomWindowIsReadInTheSitesZoneOrUtc() {
        TimeRange rome = TimeRange.parse("custom", "2026-12-01T08:00", "2026-12-02T08:00", null, "Europe/Rome", NOW);
        assertEquals(Instant.parse("2026-12-01T07:00:00Z"), rome.from());
        assertEquals("2026-12-01 08:00", rome.show(rome.from()));
        assertEquals("range=custom&from=2026-12-01T08:00&to=2026-12-02T08:00", rome.query());
        TimeRange utc = TimeRange.parse("custom", "2026-12-01T08:00", "2026-12-02T08:00", "utc", "Europe/Rome", NOW);
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), utc.from());
        assertTrue(utc.utc());
    }

    @Test
    void anythingUnreadableFallsBackToTheLastSevenDays() {
        for (String[] bad : new String[][] {{"custom", "yesterday", "today"}, {"custom", "2026-12-02T08:00", "2026-12-01T08:00"},
                {"custom", "2026-01-01T00:00", "2026-12-01T00:00"}, {"1y", null, null}, {null, null, null}}) {
            TimeRange range = TimeRange.parse(bad[0], bad[1], bad[2], null, "Not/AZone", NOW);
            assertEquals("7d", range.range(), String.join(" ", java.util.Arrays.toString(bad)));
            assertEquals(Duration.ofDays(7), Duration.between(range.from(), range.to()));
            assertEquals("UTC", range.zoneName(), "an unknown zone is UTC");
        }
    }
}
