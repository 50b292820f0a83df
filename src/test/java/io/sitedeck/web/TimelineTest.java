package io.sitedeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status timeline as pure logic: outage bars on a 0–1000 scale, markers, and the uptime figure. */
class TimelineTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");
    private static final TimeRange UTC = TimeRange.parse("custom", "2026-12-01T00:00", "2026-12-02T00:00", "utc", null, TO);

    private static Timeline.Event at(String time, Timeline.Kind kind) {
        return new Timeline.Event(Instant.parse("2026-12-01T" + time + ":00Z"), kind, kind.name());
    }

    @Test
    void anOutageIsABarAndCountsAgainstUptime() {
        Timeline.Drawing drawing = Timeline.draw(List.of(at("06:00", Timeline.Kind.DOWN), at("12:00", Timeline.Kind.UP)),
                FROM, TO, UTC);
        assertEquals(List.of(new Timeline.Bar(250, 250, "down 2026-12-01 06:00 – 2026-12-01 12:00")), drawing.outages());
        assertEquals("75.00 %", drawing.uptime());
    }

    @Test
    void aFirstUpMeansItWasDownFromTheStartAndAnOpenOutageRunsToTheEnd() {
        Timeline.Drawing drawing = Timeline.draw(List.of(at("03:00", Timeline.Kind.UP), at("18:00", Timeline.Kind.DOWN),
                at("20:00", Timeline.Kind.MARKER)), FROM, TO, UTC);
        assertEquals(2, drawing.outages().size());
        assertEquals(0, drawing.outages().get(0).x());
        assertEquals(125, drawing.outages().get(0).width());
        assertEquals(750, drawing.outages().get(1).x());
        assertEquals(250, drawing.outages().get(1).width());
        assertEquals(List.of(new Timeline.Marker(833, "2026-12-01 20:00 MARKER")), drawing.markers());
        assertEquals("62.50 %", drawing.uptime());
    }

    @Test
    void aBlipIsStillVisibleAndNothingMeansFullUptime() {
        Timeline.Drawing blip = Timeline.draw(List.of(at("06:00", Timeline.Kind.DOWN),
                new Timeline.Event(Instant.parse("2026-12-01T06:00:30Z"), Timeline.Kind.UP, "UP")), FROM, TO, UTC);
        assertEquals(2, blip.outages().get(0).width(), "at least two units wide");
        assertEquals("100.00 %", Timeline.draw(List.of(), FROM, TO, UTC).uptime());
    }
}
