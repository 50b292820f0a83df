package io.sitedeck.domotz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentAlertBinding;
import io.sitedeck.domotz.model.AgentHistoryEvent;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.domotz.model.ApiUsage;
import io.sitedeck.domotz.model.ConnectionRequest;
import io.sitedeck.domotz.model.ConnectionSession;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceAlertBinding;
import io.sitedeck.domotz.model.DeviceBaseType;
import io.sitedeck.domotz.model.DeviceCredentials;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.domotz.model.DevicePowerActions;
import io.sitedeck.domotz.model.DomotzUser;
import io.sitedeck.domotz.model.EditableField;
import io.sitedeck.domotz.model.PowerAction;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.domotz.model.Snapshot;
import io.sitedeck.domotz.model.SnmpCommunity;
import io.sitedeck.domotz.model.SpeedSample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The only way the rest of Sitedeck calls Domotz. Reads go through {@link UpstreamCache}
 * (shared per Domotz user, single flight, stale-while-revalidate, freshness adapted to the day's
 * {@link Budget}); every call goes through {@link UpstreamCalls} (per-key concurrency cap, 429
 * pause, circuit breaker per cell, retries for reads only, error mapping, metrics); every
 * mutation invalidates exactly the cached reads it changes.
 */
@ApplicationScoped
public class DomotzGateway {

    private final DomotzClients clients;
    private final UpstreamCache cache;
    private final UpstreamCalls calls;
    private final DomotzConfig.Ttl ttl;
    private final DomotzConfig config;
    private final ObjectMapper json;
    private final Budget budget;

    DomotzGateway(DomotzClients clients, UpstreamCache cache, UpstreamCalls calls, DomotzConfig config,
                  ObjectMapper json, Budget budget) {
        this.config = config;
        this.budget = budget;
        this.clients = clients;
        this.cache = cache;
        this.calls = calls;
        this.ttl = config.ttl();
        this.json = json;
    }

    // ---- agents

    public List<Agent> listAgents(DomotzTarget t, AgentQuery q) {
        return cache.read(t, "listAgents", ttl.agents(), null, null,
                () -> List.copyOf(api(t).listAgents(t.apiKey(), q.pageSize(), q.pageNumber(), q.displayName(),
                        q.teamName())), q.pageSize(), q.pageNumber(), q.displayName(), q.teamName());
    }

    public int countAgents(DomotzTarget t, String displayName, String teamName) {
        return cache.read(t, "countAgents", ttl.agents(), null, null, () -> {
            try (Response response = api(t).countAgents(t.apiKey(), displayName, teamName)) {
                return entitiesCount(response);
            }
        }, displayName, teamName);
    }

    public Agent getAgent(DomotzTarget t, int agentId) {
        return cache.read(t, "getAgent", ttl.agents(), agentId, null, () -> api(t).getAgent(t.apiKey(), agentId));
    }

    // ---- devices

    public List<Device> listDevices(DomotzTarget t, int agentId, boolean showHidden) {
        return cache.read(t, "listDevices", ttl.devices(), agentId, null,
                () -> List.copyOf(api(t).listDevices(t.apiKey(), agentId, showHidden)), showHidden);
    }

    public Device getDevice(DomotzTarget t, int agentId, int deviceId) {
        return cache.read(t, "getDevice", ttl.devices(), agentId, deviceId,
                () -> api(t).getDevice(t.apiKey(), agentId, deviceId));
    }

    /** Reads the device from Domotz now, whatever the cache holds: spends exactly one call. */
    public Device refreshDevice(DomotzTarget t, int agentId, int deviceId) {
        cache.invalidate(t, agentId, deviceId, "getDevice");
        return getDevice(t, agentId, deviceId);
    }

    /** Forgets the cached device lists of the agent, so the next read asks Domotz (one call). */
    public void refreshDevicesOf(DomotzTarget t, int agentId) {
        cache.invalidate(t, agentId, null, "listDevices");
    }

    public DevicePowerActions getDevicePowerActions(DomotzTarget t, int agentId, int deviceId) {
        return cache.read(t, "getDevicePowerActions", ttl.devices(), agentId, deviceId,
                () -> api(t).getDevicePowerActions(t.apiKey(), agentId, deviceId));
    }

    // ---- what webhooks say: read and rewrite cached answers, never calling Domotz

    /** The device as the target's cache knows it (any age: its details, else any cached list of its site), without calling Domotz. */
    @SuppressWarnings("unchecked")
    public Optional<Device> cachedDevice(DomotzTarget t, int agentId, int deviceId) {
        Optional<Device> single = cache.peek(t, "getDevice", agentId, deviceId);
        if (single.isPresent()) {
            return single;
        }
        return cache.values(t, "listDevices", agentId, null).stream().flatMap(list -> ((List<Device>) list).stream())
                .filter(device -> device.id() == deviceId).findFirst();
    }

    /** The agent as the target's cache knows it (any age: its details, else any cached page of sites), without calling Domotz. */
    @SuppressWarnings("unchecked")
    public Optional<Agent> cachedAgent(DomotzTarget t, int agentId) {
        Optional<Agent> details = cache.peek(t, "getAgent", agentId, null);
        if (details.isPresent()) {
            return details;
        }
        return cache.values(t, "listAgents", null, null).stream().flatMap(page -> ((List<Agent>) page).stream())
                .filter(agent -> agent.id() == agentId).findFirst();
    }

    /** Rewrites the device wherever the target's cache holds it: its own answer and the agent's device lists. */
    @SuppressWarnings("unchecked")
    public void patchDevice(DomotzTarget t, int agentId, int deviceId, UnaryOperator<Device> change) {
        cache.patch(t, "getDevice", agentId, deviceId, device -> change.apply((Device) device));
        cache.patch(t, "listDevices", agentId, null,
                devices -> replaceIn((List<Device>) devices, Device::id, deviceId, change));
    }

    /** Rewrites the agent wherever the target's cache holds it: its details and every cached page of sites. */
    @SuppressWarnings("unchecked")
    public void patchAgent(DomotzTarget t, int agentId, UnaryOperator<Agent> change) {
        cache.patch(t, "getAgent", agentId, null, agent -> change.apply((Agent) agent));
        cache.patch(t, "listAgents", null, null, agents -> replaceIn((List<Agent>) agents, Agent::id, agentId, change));
    }

    /** Forgets cached answers a webhook made wrong, so the next read asks Domotz. */
    public void forget(DomotzTarget t, int agentId, Integer deviceId, String... operations) {
        cache.invalidate(t, agentId, deviceId, operations);
    }

    /** The list with one element changed, or the same list when it does not hold it. */
    private static <T> List<T> replaceIn(List<T> list, ToIntFunction<T> id, int wanted, UnaryOperator<T> change) {
        for (int i = 0; i < list.size(); i++) {
            if (id.applyAsInt(list.get(i)) == wanted) {
                List<T> changed = new ArrayList<>(list);
                changed.set(i, change.apply(list.get(i)));
                return List.copyOf(changed);
            }
        }
        return list;
    }

    // ---- metrics and histories

    public List<RtdStatistics> getAgentRTDStats(DomotzTarget t, int agentId) {
        return cache.read(t, "getAgentRTDStats", ttl.rtd(), agentId, null,
                () -> List.copyOf(api(t).getAgentRTDStats(t.apiKey(), agentId)));
    }

    public List<DeviceHistoryEvent> getDeviceStatusHistory(DomotzTarget t, int agentId, int deviceId,
                                                           Instant from, Instant to) {
        return cache.read(t, "getDeviceStatusHistory", ttl.history(), agentId, deviceId,
                () -> List.copyOf(api(t).getDeviceStatusHistory(t.apiKey(), agentId, deviceId,
                        DomotzTime.query(from), DomotzTime.query(to))), previousWindow(from, to),
                DomotzTime.query(from), DomotzTime.query(to));
    }

    public List<RtdSample> getDeviceRTDHistory(DomotzTarget t, int agentId, int deviceId, Instant from, Instant to) {
        return cache.read(t, "getDeviceRTDHistory", ttl.history(), agentId, deviceId,
                () -> List.copyOf(api(t).getDeviceRTDHistory(t.apiKey(), agentId, deviceId,
                        DomotzTime.query(from), DomotzTime.query(to))), previousWindow(from, to),
                DomotzTime.query(from), DomotzTime.query(to));
    }

    public List<AgentHistoryEvent> getAgentStatusHistory(DomotzTarget t, int agentId, Instant from, Instant to) {
        return cache.read(t, "getAgentStatusHistory", ttl.history(), agentId, null,
                () -> List.copyOf(api(t).getAgentStatusHistory(t.apiKey(), agentId,
                        DomotzTime.query(from), DomotzTime.query(to))), DomotzTime.query(from), DomotzTime.query(to));
    }

    public List<SpeedSample> getSpeedTestHistory(DomotzTarget t, int agentId, Instant from, Instant to) {
        return cache.read(t, "getSpeedTestHistory", ttl.history(), agentId, null,
                () -> List.copyOf(api(t).getSpeedTestHistory(t.apiKey(), agentId,
                        DomotzTime.query(from), DomotzTime.query(to))), DomotzTime.query(from), DomotzTime.query(to));
    }

    // ---- alert profiles

    public List<AlertProfile> getAlertProfiles(DomotzTarget t, int userId) {
        return cache.read(t, "getAlertProfiles", ttl.alerts(), null, null,
                () -> List.copyOf(api(t).getAlertProfiles(t.apiKey(), userId)), userId);
    }

    public List<AgentAlertBinding> getAgentAlertProfile(DomotzTarget t, int agentId) {
        return cache.read(t, "getAgentAlertProfile", ttl.alerts(), agentId, null,
                () -> List.copyOf(api(t).getAgentAlertProfile(t.apiKey(), agentId)));
    }

    public List<DeviceAlertBinding> getDevicesAlertProfile(DomotzTarget t, int agentId) {
        return cache.read(t, "getDevicesAlertProfile", ttl.alerts(), agentId, null,
                () -> List.copyOf(api(t).getDevicesAlertProfile(t.apiKey(), agentId)));
    }

    // ---- meta, catalogue, user

    /** Also teaches the gateway the key's {@code concurrent_allowed}. */
    public ApiUsage apiUsageInfo(DomotzTarget t) {
        ApiUsage usage = cache.read(t, "apiUsageInfo", ttl.usage(), null, null, () -> {
            ApiUsage fresh = api(t).apiUsageInfo(t.apiKey());
            budget.observed(t, fresh);
            return fresh;
        });
        calls.learnConcurrentAllowed(t, usage.concurrentAllowed());
        return usage;
    }

    /** The key's daily budget as Sitedeck knows it now (no call). */
    public Budget.View budget(DomotzTarget t) {
        return budget.view(t);
    }

    /**
     * Reads the budget of every key used lately whose figures are older than
     * {@code usage-refresh}: one call per key, so adaptive freshness follows the day.
     */
    @Scheduled(every = "${sitedeck.domotz.usage-refresh}", delayed = "${sitedeck.domotz.usage-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void readBudgets() {
        for (DomotzTarget t : budget.dueForReading(Instant.now().minus(config.usageRefresh()))) {
            try {
                budget.observed(t, calls.read(t, "apiUsageInfo", () -> api(t).apiUsageInfo(t.apiKey())));
            } catch (DomotzException unread) {
                // Next round; the pages keep the last figures.
            }
        }
    }

    public List<DeviceBaseType> listDeviceBaseTypes(DomotzTarget t) {
        return cache.read(t, "listDeviceBaseTypes", ttl.catalogue(), null, null,
                () -> List.copyOf(api(t).listDeviceBaseTypes(t.apiKey())));
    }

    public List<DetectedDeviceType> listDeviceDetectedTypes(DomotzTarget t) {
        return cache.read(t, "listDeviceDetectedTypes", ttl.catalogue(), null, null,
                () -> List.copyOf(api(t).listDeviceDetectedTypes(t.apiKey())));
    }

    public DomotzUser getUser(DomotzTarget t) {
        return cache.read(t, "getUser", ttl.catalogue(), null, null, () -> api(t).getUser(t.apiKey()));
    }

    /** Calls Sitedeck itself made with this key today (UTC), in this instance. */
    public int sitedeckCallsToday(DomotzTarget t) {
        return calls.spentToday(t);
    }

    /** What a key is worth, asked now (never from the cache): its user and its usage and limits. */
    public record KeyCheck(DomotzUser user, ApiUsage usage) {}

    /**
     * Checks a cell URL a person typed against the outbound guard (allow-list, internal
     * addresses) before anything connects to it; {@link io.sitedeck.outbound.OutboundGuard.Refused} says why not.
     */
    public void checkCellUrl(URI url) {
        clients.checkTypedUrl(url);
    }

    /** Checks a key against its cell with two uncached calls, GET /user and GET /meta/usage. */
    public KeyCheck verify(DomotzTarget t) {
        DomotzUser user = calls.read(t, "getUser", () -> api(t).getUser(t.apiKey()));
        ApiUsage usage = calls.read(t, "apiUsageInfo", () -> api(t).apiUsageInfo(t.apiKey()));
        calls.learnConcurrentAllowed(t, usage.concurrentAllowed());
        budget.observed(t, usage);
        return new KeyCheck(user, usage);
    }

    /** Never cached: a snapshot is wanted because it is new. */
    public Snapshot onvifSnapshot(DomotzTarget t, int agentId, int deviceId) {
        return calls.change(t, "onvifSnapshot", () -> {
            try (Response response = api(t).onvifSnapshot(t.apiKey(), agentId, deviceId)) {
                String type = response.getMediaType() == null ? "image/jpeg" : response.getMediaType().toString();
                return new Snapshot(response.readEntity(byte[].class), type, Instant.now());
            }
        });
    }

    // ---- mutations: each invalidates what it changes, for every key on the same cell

    public void deleteDownDevices(DomotzTarget t, int agentId) {
        mutate(t, "deleteDownDevices", () -> api(t).deleteDownDevices(t.apiKey(), agentId));
        cache.invalidate(t, agentId, null, "listDevices", "getDevice", "getDevicePowerActions",
                "getAgentRTDStats", "getDevicesAlertProfile");
    }

    public void deleteDevice(DomotzTarget t, int agentId, int deviceId) {
        mutate(t, "deleteDevice", () -> api(t).deleteDevice(t.apiKey(), agentId, deviceId));
        cache.invalidate(t, agentId, deviceId, "listDevices", "getDevice", "getDevicePowerActions",
                "getAgentRTDStats", "getDevicesAlertProfile");
    }

    public void hideDevice(DomotzTarget t, int agentId, int deviceId) {
        mutate(t, "hideDevice", () -> api(t).hideDevice(t.apiKey(), agentId, deviceId));
        cache.invalidate(t, agentId, deviceId, "listDevices", "getDevice");
    }

    public void editDevice(DomotzTarget t, int agentId, int deviceId, EditableField field, String value) {
        String body = jsonString(value);
        mutate(t, "editDevice", () -> api(t).editDevice(t.apiKey(), agentId, deviceId, field.path(), body));
        cache.invalidate(t, agentId, deviceId, "listDevices", "getDevice");
    }

    public void powerActionOnDevice(DomotzTarget t, int agentId, int deviceId, PowerAction action) {
        mutate(t, "powerActionOnDevice",
                () -> api(t).powerActionOnDevice(t.apiKey(), agentId, deviceId, action.path()));
        cache.invalidate(t, agentId, deviceId, "listDevices", "getDevice", "getDevicePowerActions",
                "getDeviceStatusHistory", "getAgentRTDStats");
    }

    public void setCredentials(DomotzTarget t, int agentId, int deviceId, DeviceCredentials credentials) {
        mutate(t, "setCredentials", () -> api(t).setCredentials(t.apiKey(), agentId, deviceId, credentials));
        cache.invalidate(t, agentId, deviceId, "listDevices", "getDevice");
    }

    public void setSnmpCommunity(DomotzTarget t, int agentId, int deviceId, SnmpCommunity community) {
        mutate(t, "setSnmpCommunity", () -> api(t).setSnmpCommunity(t.apiKey(), agentId, deviceId, community));
        cache.invalidate(t, agentId, deviceId, "listDevices", "getDevice");
    }

    public ConnectionSession connectToDevice(DomotzTarget t, int agentId, int deviceId, ConnectionRequest request) {
        return calls.change(t, "connectToDevice", () -> api(t).connectToDevice(t.apiKey(), agentId, deviceId, request));
    }

    public void bindAlertProfileToAgent(DomotzTarget t, int profileId, int agentId) {
        mutate(t, "bindAlertProfileToAgent", () -> api(t).bindAlertProfileToAgent(t.apiKey(), profileId, agentId));
        cache.invalidate(t, agentId, null, "getAgentAlertProfile");
    }

    public void unbindAlertProfileFromAgent(DomotzTarget t, int profileId, int agentId) {
        mutate(t, "unbindAlertProfileFromAgent",
                () -> api(t).unbindAlertProfileFromAgent(t.apiKey(), profileId, agentId));
        cache.invalidate(t, agentId, null, "getAgentAlertProfile");
    }

    public void bindAlertProfileToDevice(DomotzTarget t, int profileId, int agentId, int deviceId) {
        mutate(t, "bindAlertProfileToDevice",
                () -> api(t).bindAlertProfileToDevice(t.apiKey(), profileId, agentId, deviceId));
        cache.invalidate(t, agentId, null, "getDevicesAlertProfile");
    }

    public void unbindAlertProfileFromDevice(DomotzTarget t, int profileId, int agentId, int deviceId) {
        mutate(t, "unbindAlertProfileFromDevice",
                () -> api(t).unbindAlertProfileFromDevice(t.apiKey(), profileId, agentId, deviceId));
        cache.invalidate(t, agentId, null, "getDevicesAlertProfile");
    }

    // ---- helpers

    private DomotzApi api(DomotzTarget t) {
        return clients.forTarget(t);
    }

    private void mutate(DomotzTarget t, String operation, Runnable call) {
        calls.change(t, operation, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    private String jsonString(String value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The same window five minutes earlier: pages move their preset windows on every five minutes,
     * and until the new window's answer is in, the previous one stands in for it.
     */
    private static List<Object> previousWindow(Instant from, Instant to) {
        return from == null || to == null ? null : List.of(DomotzTime.query(from.minusSeconds(300)),
                DomotzTime.query(to.minusSeconds(300)));
    }

    private static int entitiesCount(Response response) {
        String header = response.getHeaderString("X-Entities-Count");
        try {
            return Integer.parseInt(header.trim());
        } catch (RuntimeException unreadable) {
            throw new DomotzException.Unavailable(response.getStatus(),
                    "Domotz answered countAgents without a readable X-Entities-Count header", unreadable);
        }
    }
}
