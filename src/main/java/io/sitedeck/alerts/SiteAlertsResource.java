package io.sitedeck.alerts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceAlertBinding;
import io.sitedeck.shared.AgentIds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A site's alert profiles: those bound to the agent (bind/unbind) and an overview of which
 * devices have which profiles. Its own page, so the site page keeps its call budget.
 */
@Path("/agents/{agentId}/alerts")
public class SiteAlertsResource {

    /** A device and the names of the profiles bound to it. */
    public record DeviceProfiles(Device device, List<String> profiles) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance siteAlerts(int agentId, String site, RawString agentProfiles,
                                                  List<DeviceProfiles> devices);
    }

    private final ConsoleContext console;
    private final DomotzGateway gateway;
    private final Bindings bindings;
    private final ProfilesPanel table;

    SiteAlertsResource(ConsoleContext console, DomotzGateway gateway, Bindings bindings, ProfilesPanel table) {
        this.table = table;
        this.console = console;
        this.gateway = gateway;
        this.bindings = bindings;
    }

    @GET
    public Response show(@PathParam("agentId") String agentText) {
        int agentId = AgentIds.parse(agentText);
        DomotzTarget target = console.target();
        String site = gateway.getAgent(target, agentId).displayName();
        ProfilesView view = bindings.ofAgent(target, agentId);
        Map<Integer, String> names = view.profiles().stream().collect(Collectors.toMap(AlertProfile::id,
                p -> p.name() == null ? "#" + p.id() : p.name(), (a, b) -> a));
        Map<Integer, List<String>> byDevice = gateway.getDevicesAlertProfile(target, agentId).stream()
                .collect(Collectors.groupingBy(DeviceAlertBinding::deviceId, Collectors.mapping(
                        b -> names.getOrDefault(b.alertProfileId(), "#" + b.alertProfileId()), Collectors.toList())));
        List<DeviceProfiles> devices = gateway.listDevices(target, agentId, false).stream()
                .filter(d -> byDevice.containsKey(d.id()))
                .map(d -> new DeviceProfiles(d, byDevice.get(d.id()))).toList();
        return Response.ok(Templates.siteAlerts(agentId, site, table.of(view), devices)).build();
    }
}
