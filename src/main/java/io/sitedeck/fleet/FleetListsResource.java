package io.sitedeck.fleet;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.shared.BadInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet lists MSPs build by hand: new devices of the last N days, devices Domotz could not
 * recognise, devices with only an address for a name — each a bookmarkable page with its CSV — and
 * the search results' CSV. From the index, no Domotz call.
 */
@Path("/")
public class FleetListsResource {

    @Inject
    Clock clock;

    static final int MOST = 5_000;
    static final int MOST_DAYS = 365;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListView view);
    }

    public record ListView(boolean connected, String kind, String title, String explanation, List<FleetDevice> devices,
                           Map<Integer, String> sites, String csvUrl, Integer days) {
        public String site(FleetDevice device) {
            return sites.getOrDefault(device.agentId, "");
        }
    }

    private final FleetScope scope;
    private final FleetQueries queries;
    private final NocSnapshots snapshots;
    private final FleetSearch search;
    private final CurrentUser user;
    private final FleetConfig config;

    FleetListsResource(FleetScope scope, FleetQueries queries, NocSnapshots snapshots, FleetSearch search,
                       CurrentUser user, FleetConfig config) {
        this.scope = scope;
        this.queries = queries;
        this.snapshots = snapshots;
        this.search = search;
        this.user = user;
        this.config = config;
    }

    @GET
    @Path("fleet/{kind}")
    public TemplateInstance page(@PathParam("kind") String kind, @QueryParam("days") String days) {
        return Templates.list(view(kind, days));
    }

    @GET
    @Path("fleet/{kind}.csv")
    public Response csv(@PathParam("kind") String kind, @QueryParam("days") String days) {
        ListView view = view(kind, days);
        return FleetCsv.of(view.devices(), view.sites(), "sitedeck-" + kind + ".csv");
    }

    @GET
    @Path("search.csv")
    public Response searchCsv(@QueryParam("q") String q) {
        String text = SearchResource.query(q);
        Optional<String> current = scope.current();
        List<FleetSearch.Hit> hits = current.isEmpty() || text.isEmpty() ? List.of()
                : search.search(current.get(), user.tenantId(), text, MOST);
        Map<Integer, String> names = new HashMap<>();
        hits.forEach(hit -> names.put(hit.device().agentId, hit.site()));
        return FleetCsv.of(hits.stream().map(FleetSearch.Hit::device).toList(), names, "sitedeck-search.csv");
    }

    private ListView view(String kind, String daysText) {
        Optional<String> current = scope.current();
        Integer days = "new".equals(kind) ? days(daysText) : null;
        String csvUrl = "/fleet/" + kind + ".csv" + (days == null ? "" : "?days=" + days);
        String title;
        String explanation;
        List<FleetDevice> devices;
        String s = current.orElse("");
        switch (kind) {
            case "new" -> {
                title = "New devices, last " + days + " days";
                explanation = "Devices Domotz first saw in the last " + days + " days, newest first.";
                devices = current.isEmpty() ? List.of() : queries.newSince(s, clock.instant().minus(Duration.ofDays(days)), MOST);
            }
            case "unrecognised" -> {
                title = "Devices Domotz could not recognise";
                explanation = "Neither a type nor a detected type: worth a name and a type.";
                devices = current.isEmpty() ? List.of() : queries.unrecognised(s, MOST);
            }
            case "unnamed" -> {
                title = "Devices with no name, only an address";
                explanation = "No name of their own, only their IP or MAC address.";
                devices = current.isEmpty() ? List.of() : queries.unnamed(s, MOST);
            }
            default -> throw new jakarta.ws.rs.NotFoundException("There is no fleet list called “" + kind + "”");
        }
        return new ListView(current.isPresent(), kind, title, explanation, devices,
                current.isEmpty() ? Map.of() : snapshots.of(s).names(), csvUrl, days);
    }

    private int days(String text) {
        if (text == null || text.isBlank()) {
            return config.newDeviceDays();
        }
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 1 && days <= MOST_DAYS) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new BadInput("days must be a whole number from 1 to " + MOST_DAYS);
    }
}
