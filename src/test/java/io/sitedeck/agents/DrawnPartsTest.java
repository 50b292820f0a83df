package io.sitedeck.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.annotations.Notes;
import io.sitedeck.devices.DeviceRow;
import io.sitedeck.web.DrawnParts;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A devices table's rows (and the sites list's) are drawn once for each distinct content and the text is kept:
 * equal rows (however they were built) get the very same text, any change in a row (a tag, the time since its
 * status changed) draws again, and the kept text is escaped as any rendering is.
 */
@QuarkusTest
class DrawnPartsTest {

    @Inject
    DrawnParts drawn;

    @Inject
    MeterRegistry metrics;

    private static DeviceRow row(int id, String name, String since, List<String> tags) {
        return new DeviceRow(5010, id, name, "10.0.0." + id, "AA:BB:CC:00:00:0" + id, "Acme", "X1", "Printer", "VITAL",
                "ONLINE", since, "Office", "Back", "LAN", 4.5, 2.0, 0, 10,
                new Notes("", "", tags, List.of()));
    }

    private static List<DeviceRow> table(String since, List<String> tags) {
        // A fresh list of fresh records each time, as each page view builds them.
        List<DeviceRow> rows = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            rows.add(row(id, "Printer " + id, since, id == 2 ? tags : List.of()));
        }
        return rows;
    }

    private String rows(List<DeviceRow> rows) {
        return drawn.of("site-rows", List.copyOf(rows), SiteResource.Templates::rows).getValue();
    }

    private double misses() {
        return metrics.get("cache.gets").tag("cache", "sitedeck.drawn.parts").tag("result", "miss")
                .functionCounter().count();
    }

    @Test
    void equalRowsAreDrawnOnceAndGetTheSameText() {
        double before = misses();
        String first = rows(table("7 min", List.of("kitchen")));
        String second = rows(table("7 min", List.of("kitchen")));
        assertSame(first, second, "the second view's equal rows are served the kept text");
        assertEquals(1, misses() - before, "drawn once");
        assertEquals(3, first.split("<tr>", -1).length - 1, first);
        assertTrue(first.contains("<a href=\"/agents/5010/devices/2\">Printer 2</a>"), first);
        assertTrue(first.contains(">kitchen</a>"), first);
    }

    @Test
    void anyChangeInARowDrawsAgain() {
        String kept = rows(table("8 min", List.of("kitchen")));
        String tagged = rows(table("8 min", List.of("kitchen", "floor2")));
        String later = rows(table("9 min", List.of("kitchen")));
        assertNotSame(kept, tagged);
        assertTrue(tagged.contains(">floor2</a>") && !kept.contains("floor2"), tagged);
        assertTrue(later.contains("9 min") && !later.contains("8 min"), later);
    }

    @Test
    void theKeptTextIsEscaped() {
        List<DeviceRow> rows = List.of(row(7, "<b>Lab</b> & \"Co\" 'A'", "1 min", List.of()));
        String html = rows(rows);
        String again = rows(List.copyOf(rows));
        assertSame(html, again);
        assertFalse(html.contains("<b>Lab</b>"), html);
        assertTrue(html.contains("&lt;b&gt;Lab&lt;/b&gt; &amp; &quot;Co&quot; &#39;A&#39;"), html);
    }
}
