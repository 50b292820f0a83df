package io.sitedeck.alerts;

import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentAlertBinding;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceAlertBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the Domotz user's alert profiles are bound to a site or a device, as the bind/unbind
 * panel shows them. Reads: getUser, getAlertProfiles and one binding list — usually all cached.
 */
@ApplicationScoped
public class Bindings {

    private final DomotzGateway gateway;

    Bindings(DomotzGateway gateway) {
        this.gateway = gateway;
    }

    public List<AlertProfile> profiles(DomotzTarget target) {
        return gateway.getAlertProfiles(target, gateway.getUser(target).id());
    }

    public ProfilesView ofAgent(DomotzTarget target, int agentId) {
        Set<Integer> bound = gateway.getAgentAlertProfile(target, agentId).stream()
                .map(AgentAlertBinding::alertProfileId).collect(Collectors.toSet());
        return new ProfilesView(profiles(target), bound, "agents/" + agentId, "/agents/" + agentId + "/alerts");
    }

    /**
     * Where every profile is bound, over the first {@code maxSites} sites. A site that cannot be
     * read (API access off, quota) is listed with the reason instead of failing the overview.
     */
    public AlertsOverview overview(DomotzTarget target, int maxSites) {
        List<AlertProfile> profiles = profiles(target);
        List<Agent> agents = gateway.listAgents(target, AgentQuery.page(maxSites, 0));
        int total = agents.size() < maxSites ? agents.size() : gateway.countAgents(target, null, null);
        Map<Integer, List<AlertsOverview.Site>> sitesOf = new HashMap<>();
        Map<Integer, List<AlertsOverview.BoundDevice>> devicesOf = new HashMap<>();
        List<AlertsOverview.Site> readable = new ArrayList<>();
        List<AlertsOverview.Site> unreadable = new ArrayList<>();
        for (Agent agent : agents) {
            AlertsOverview.Site site = new AlertsOverview.Site(agent.id(), agent.displayName(), null);
            try {
                for (AgentAlertBinding binding : gateway.getAgentAlertProfile(target, agent.id())) {
                    sitesOf.computeIfAbsent(binding.alertProfileId(), p -> new ArrayList<>()).add(site);
                }
                List<DeviceAlertBinding> deviceBindings = gateway.getDevicesAlertProfile(target, agent.id());
                Map<Integer, String> names = deviceBindings.isEmpty() ? Map.of()
                        : gateway.listDevices(target, agent.id(), false).stream()
                                .collect(Collectors.toMap(Device::id, Device::name, (a, b) -> a));
                for (DeviceAlertBinding binding : deviceBindings) {
                    devicesOf.computeIfAbsent(binding.alertProfileId(), p -> new ArrayList<>())
                            .add(new AlertsOverview.BoundDevice(site, binding.deviceId(),
                                    names.getOrDefault(binding.deviceId(), "Device " + binding.deviceId())));
                }
                readable.add(site);
            } catch (DomotzException failure) {
                unreadable.add(new AlertsOverview.Site(agent.id(), agent.displayName(), failure.getMessage()));
            }
        }
        List<AlertsOverview.ProfileUse> uses = profiles.stream().map(p -> new AlertsOverview.ProfileUse(p,
                sitesOf.getOrDefault(p.id(), List.of()), devicesOf.getOrDefault(p.id(), List.of()))).toList();
        return new AlertsOverview(uses, readable, unreadable, agents.size(), total);
    }

    public ProfilesView ofDevice(DomotzTarget target, int agentId, int deviceId) {
        Set<Integer> bound = gateway.getDevicesAlertProfile(target, agentId).stream()
                .filter(b -> b.deviceId() == deviceId).map(DeviceAlertBinding::alertProfileId)
                .collect(Collectors.toSet());
        String device = "agents/" + agentId + "/devices/" + deviceId;
        return new ProfilesView(profiles(target), bound, device, "/" + device);
    }
}
