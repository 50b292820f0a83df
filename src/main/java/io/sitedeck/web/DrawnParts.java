package io.sitedeck.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.platform.ConsoleConfig;
import io.sitedeck.shared.HtmlText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Large parts of pages (the rows of a site's devices table, of the sites list) drawn by Qute once for each
 * distinct content and then kept: the same page viewed again, by anyone, while its rows are the same (their
 * "since" texts change once a minute) gets the same text without its rows being rendered again. Those rows were
 * most of a site view's rendering and ~40 % of its heap (docs/benchmarks.md). The device page's history, facts
 * and forms, the alert-profile tables and the notes panels are kept the same way (a fifth of a device view's heap).
 * <p>
 * The key is the content itself (records, compared by value, the team's tags included) with the part's name, and
 * a part's template reads nothing but that content: no member, no token, no clock. A kept text is therefore
 * exactly what rendering the reader's own rows would give, whichever tenant or member asks; escaping is Qute's,
 * as on every page.
 * <p>
 * A part with forms ({@link #of(String, Object, Function, CsrfToken)}) is drawn with {@link #TOKEN_SLOT} where the
 * CSRF field's value goes ({@code tags/csrfslot.html}), and the reader's own token is put there each time it is
 * served: the kept text holds no token, and no escaped content can contain the slot (it has a {@code <}). Other
 * per-view values (a form's one-time token) go into {@link Slot}s the same way.
 */
@ApplicationScoped
public class DrawnParts {

    /** Where the reader's CSRF token goes in a part with forms; {@code tags/csrfslot.html} writes it. */
    public static final String TOKEN_SLOT = "<csrf-token>";

    private record Key(String part, Object content) {}

    private final Cache<Key, String> drawn;

    DrawnParts(ConsoleConfig config, MeterRegistry metrics) {
        long maxKilobytes = config.drawnPartsMaxKb();
        // Weighed in bytes of heap: the text, in two bytes a character once one is outside Latin-1, and about
        // half as much again for the key's records and the strings only they hold (an estimate).
        this.drawn = Caffeine.newBuilder().maximumWeight(maxKilobytes * 1024)
                .weigher((Key key, String html) -> 3 * html.length())
                .recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, drawn, "sitedeck.drawn.parts");
    }

    /**
     * The part drawn from {@code content} by {@code template}, ready to go into a page as it is. The content must
     * be immutable and compare by value (records, {@code List.copyOf}), and the template must read only it.
     */
    public <T> RawString of(String part, T content, Function<T, TemplateInstance> template) {
        return new RawString(drawn.get(new Key(part, content), key -> template.apply(content).render()));
    }

    /**
     * A value each view has its own of, put where a part's template text wrote {@code marker}, HTML-escaped. The
     * marker must hold a {@code <}, so that no escaped content can contain it.
     */
    public record Slot(String marker, String value) {
        public Slot {
            if (marker.indexOf('<') < 0) {
                throw new IllegalArgumentException("A slot's marker needs a '<': " + marker);
            }
        }
    }

    /**
     * As {@link #of(String, Object, Function)}, for a part whose forms carry the reader's {@code token} (CsrfFilter
     * admits only the token alphabet: nothing to escape) and, where it has them, other per-view values.
     */
    public <T> RawString of(String part, T content, Function<T, TemplateInstance> template, CsrfToken token,
                            Slot... slots) {
        String text = of(part, content, template).getValue().replace(TOKEN_SLOT, token.token());
        for (Slot slot : slots) {
            text = text.replace(slot.marker(), HtmlText.escape(slot.value()));
        }
        return new RawString(text);
    }
}
