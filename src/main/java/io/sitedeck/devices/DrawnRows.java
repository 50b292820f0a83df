package io.sitedeck.devices;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body rows of a devices table, drawn by Qute once for each distinct set of rows and then kept: the same
 * site page viewed again, by anyone, while its rows are the same (their "since" texts change once a minute),
 * gets the same text without its ~50 rows being rendered again. The rows were most of a site view's rendering
 * and ~40 % of its heap (docs/benchmarks.md).
 * <p>
 * The key is the rows themselves (records, compared by value, the team's tags included) and the rows' template
 * reads nothing but them: no member, no token, no clock. A kept text is therefore exactly what rendering the
 * reader's own rows would give, whichever tenant or member asks; escaping is Qute's, as on every page.
 */
@ApplicationScoped
public class DrawnRows {

    /** What a kept row costs besides its text: the key's record and the strings it alone holds (an estimate). */
    private static final int ROW_WEIGHT = 300;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rows(List<DeviceRow> rows);
    }

    private final Cache<List<DeviceRow>, String> drawn;

    DrawnRows(@ConfigProperty(name = "sitedeck.console.drawn-rows-max-kb", defaultValue = "2048") long maxKilobytes,
              MeterRegistry metrics) {
        // Weighed in bytes of heap: a page's text is held in two bytes a character once one is outside Latin-1.
        this.drawn = Caffeine.newBuilder().maximumWeight(maxKilobytes * 1024)
                .weigher((List<DeviceRow> rows, String html) -> 2 * html.length() + ROW_WEIGHT * rows.size())
                .recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, drawn, "sitedeck.devices.rows");
    }

    /** The rows' {@code <tr>} elements, ready to go into a page as they are. */
    public RawString of(List<DeviceRow> rows) {
        // A copy for the key: a page's rows are often a view of the whole sorted list, which it would keep alive.
        return new RawString(drawn.get(List.copyOf(rows), shown -> Templates.rows(shown).render()));
    }
}
