package io.sitedeck.fleet;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.shared.Ago;
import io.sitedeck.shared.BadInput;
import io.sitedeck.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One search box across the fleet: suggestions as you type in the header (grouped by site), the
 * full results page ({@code /search?q=}, bookmarkable, paged) and its CSV. All from the index.
 */
@Path("/search")
public class SearchResource {

    @Inject
    Clock clock;

    static final int PAGE = 50;
    static final int SUGGESTIONS = 12;
    static final int CSV_MOST = 10_000;
    static final int LONGEST_QUERY = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchView view);

        static native TemplateInstance search$results(SearchView view);

        static native TemplateInstance suggest(SearchView view);
    }

    /** A hit as listed: the device, its site's name, why it matched and how old the row is. */
    public record Row(FleetSearch.Hit hit, String age) {
        public FleetDevice device() {
            return hit.device();
        }

        public String site() {
            return hit.site();
        }
    }

    public record SearchView(boolean connected, String q, List<Row> rows, Map<String, List<Row>> bySite, int page,
                             boolean more) {
        public String encoded() {
            return URLEncoder.encode(q, StandardCharsets.UTF_8);
        }

        public int firstShown() {
            return page * PAGE + 1;
        }

        public int lastShown() {
            return page * PAGE + rows.size();
        }

        public String nextUrl() {
            return more ? "/search?q=" + encoded() + "&page=" + (page + 1) : null;
        }

        public String previousUrl() {
            return page > 0 ? "/search?q=" + encoded() + "&page=" + (page - 1) : null;
        }
    }

    private final FleetScope scope;
    private final FleetSearch search;
    private final CurrentUser user;

    SearchResource(FleetScope scope, FleetSearch search, CurrentUser user) {
        this.scope = scope;
        this.search = search;
        this.user = user;
    }

    @GET
    public Response results(@QueryParam("q") String q, @QueryParam("page") String page, @Context HttpHeaders headers) {
        SearchView view = view(q, pageNumber(page), PAGE);
        return Htmx.pageOrFragment(headers, 200, Templates.search(view), Templates.search$results(view));
    }

    @GET
    @Path("suggest")
    public TemplateInstance suggest(@QueryParam("q") String q) {
        return Templates.suggest(view(q, 0, SUGGESTIONS));
    }

    SearchView view(String q, int page, int size) {
        String text = query(q);
        Optional<String> current = scope.current();
        if (current.isEmpty() || text.isEmpty()) {
            return new SearchView(current.isPresent(), text, List.of(), Map.of(), page, false);
        }
        List<FleetSearch.Hit> hits = search.search(current.get(), user.tenantId(), text, (page + 1) * size + 1);
        Instant now = clock.instant();
        List<Row> rows = hits.stream().skip((long) page * size).limit(size)
                .map(hit -> new Row(hit, Ago.since(hit.device().asOf, now))).toList();
        Map<String, List<Row>> bySite = new LinkedHashMap<>();
        rows.forEach(row -> bySite.computeIfAbsent(row.site(), s -> new java.util.ArrayList<>()).add(row));
        return new SearchView(true, text, rows, bySite, page, hits.size() > (page + 1) * size);
    }

    static String query(String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() > LONGEST_QUERY) {
            throw new BadInput("A search is at most " + LONGEST_QUERY + " characters long");
        }
        return text;
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number < 0 || number > 1000) {
                throw new BadInput("The page number must be between 0 and 1000");
            }
            return number;
        } catch (NumberFormatException notANumber) {
            throw new BadInput("The page number must be a whole number");
        }
    }
}
