package io.sitedeck.domotz;

import static io.sitedeck.domotz.Operation.*;

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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    @Inject
    Clock clock;

    private final DomotzClients clients;
    private final UpstreamCache cache;
    private final UpstreamCalls calls;
    private final DomotzConfig.Ttl ttl;
    private final DomotzConfig config;
    private final ObjectMapper json;
    private final Budget budget;
    private final Event<DevicesRead> devicesRead;

    DomotzGateway(DomotzClients clients, UpstreamCache cache, UpstreamCalls calls, DomotzConfig config,
                  ObjectMapper json, Budget budget, Event<DevicesRead> devicesRead) {
        this.devicesRead = devicesRead;
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
        return cache.read(t, spec(LIST_AGENTS, null, null, q.pageSize(), q.pageNumber(), q.displayName(), q.teamName()),
                () -> List.copyOf(api(t).listAgents(t.apiKey(), q.pageSize(), q.pageNumber(), q.displayName(),
                        q.teamName())));
    }

    public int countAgents(DomotzTarget t, String displayName, String teamName) {
        return cache.read(t, spec(COUNT_AGENTS, null, null, displayName, teamName), () -> {
            try (Response response = api(t).countAgents(t.apiKey(), displayName, teamName)) {
                return entitiesCount(response);
            }
        });
    }

    public Agent getAgent(DomotzTarget t, int agentId) {
        return cache.read(t, spec(GET_AGENT, agentId, null), () -> api(t).getAgent(t.apiKey(), agentId));
    }

    // ---- devices

    /** Also tells {@link DevicesRead} observers (the fleet index) when the list came from Domotz. */
    public List<Device> listDevices(DomotzTarget t, int agentId, boolean showHidden) {
        return cache.read(t, spec(LIST_DEVICES, agentId, null, showHidden), () -> {
            List<Device> devices = List.copyOf(api(t).listDevices(t.apiKey(), agentId, showHidden));
            devicesRead.fire(new DevicesRead(t, agentId, devices, clock.instant()));
            return devices;
        });
    }

    // ---- the fleet crawler: fresh cached answers, else background calls counted as the crawler's

    /** A page of 100 sites for the crawler. */
    public Crawled<List<Agent>> crawlAgents(DomotzTarget t, int page) {
        AgentQuery q = AgentQuery.page(100, page);
        return cache.crawl(t, spec(LIST_AGENTS, null, null, q.pageSize(), q.pageNumber(), q.displayName(), q.teamName()),
                () -> List.copyOf(api(t).listAgents(t.apiKey(), q.pageSize(), q.pageNumber(), null, null)), true);
    }

    /** A site's visible devices for the crawler: a fresh list a page read serves it; its own is not kept. */
    public Crawled<List<Device>> crawlDevices(DomotzTarget t, int agentId) {
        return cache.crawl(t, spec(LIST_DEVICES, agentId, null, false),
                () -> List.copyOf(api(t).listDevices(t.apiKey(), agentId, false)), false);
    }

    /** The base types for the crawler (the index names each device's type). */
    public Crawled<List<DeviceBaseType>> crawlBaseTypes(DomotzTarget t) {
        return cache.crawl(t, spec(LIST_DEVICE_BASE_TYPES, null, null), () -> List.copyOf(api(t).listDeviceBaseTypes(t.apiKey())),
                true);
    }

    /** Learns the key's budget for the crawler (one call, the crawler's) when today's is not known; true if it called. */
    public boolean crawlBudget(DomotzTarget t) {
        if (budget.knows(t)) {
            return false;
        }
        ApiUsage usage = calls.readForCrawler(t, API_USAGE_INFO.name(), () -> api(t).apiUsageInfo(t.apiKey()));
        calls.learnConcurrentAllowed(t, usage.concurrentAllowed());
        budget.observed(t, usage);
        return true;
    }

    /** Calls the crawler may still make with the key today ({@link Budget#backgroundCallsLeft}). */
    public int crawlerCallsLeft(DomotzTarget t, double share) {
        return budget.backgroundCallsLeft(t, share);
    }

    /** The base types as the cache holds them (any age), without calling Domotz. */
    public List<DeviceBaseType> cachedBaseTypes(DomotzTarget t) {
        return cache.peek(t, LIST_DEVICE_BASE_TYPES, null, null).orElse(List.of());
    }

    public Device getDevice(DomotzTarget t, int agentId, int deviceId) {
        return cache.read(t, spec(GET_DEVICE, agentId, deviceId), () -> api(t).getDevice(t.apiKey(), agentId, deviceId));
    }

    /** Reads the device from Domotz now, whatever the cache holds: spends exactly one call. */
    public Device refreshDevice(DomotzTarget t, int agentId, int deviceId) {
        cache.invalidate(t, agentId, deviceId, Set.of(GET_DEVICE));
        return getDevice(t, agentId, deviceId);
    }

    /** Forgets the cached device lists of the agent, so the next read asks Domotz (one call). */
    public void refreshDevicesOf(DomotzTarget t, int agentId) {
        cache.invalidate(t, agentId, null, Set.of(LIST_DEVICES));
    }

    public DevicePowerActions getDevicePowerActions(DomotzTarget t, int agentId, int deviceId) {
        return cache.read(t, spec(GET_DEVICE_POWER_ACTIONS, agentId, deviceId), () -> api(t).getDevicePowerActions(t.apiKey(), agentId, deviceId));
    }

    // ---- what webhooks say: read and rewrite cached answers, never calling Domotz

    /** The device as the target's cache knows it (any age: its details, else any cached list of its site), without calling Domotz. */
    public Optional<Device> cachedDevice(DomotzTarget t, int agentId, int deviceId) {
        Optional<Device> single = cache.peek(t, GET_DEVICE, agentId, deviceId);
        if (single.isPresent()) {
            return single;
        }
        return cache.values(t, LIST_DEVICES, agentId, null).stream().flatMap(List::stream)
                .filter(device -> device.id() == deviceId).findFirst();
    }

    /** The site's device list as the target's cache holds it (any age), without calling Domotz. */
    public Optional<List<Device>> cachedDevices(DomotzTarget t, int agentId) {
        return cache.peek(t, LIST_DEVICES, agentId, null, false);
    }

    /** The agent as the target's cache knows it (any age: its details, else any cached page of sites), without calling Domotz. */
    public Optional<Agent> cachedAgent(DomotzTarget t, int agentId) {
        Optional<Agent> details = cache.peek(t, GET_AGENT, agentId, null);
        if (details.isPresent()) {
            return details;
        }
        return cache.values(t, LIST_AGENTS, null, null).stream().flatMap(List::stream)
                .filter(agent -> agent.id() == agentId).findFirst();
    }

    /** Rewrites the device wherever the target's cache holds it: its own answer and the agent's device lists. */
    public void patchDevice(DomotzTarget t, int agentId, int deviceId, UnaryOperator<Device> change) {
        cache.patch(t, GET_DEVICE, agentId, deviceId, change);
        cache.patch(t, LIST_DEVICES, agentId, null, devices -> replaceIn(devices, Device::id, deviceId, change));
    }

    /** Rewrites the agent wherever the target's cache holds it: its details and every cached page of sites. */
    public void patchAgent(DomotzTarget t, int agentId, UnaryOperator<Agent> change) {
        cache.patch(t, GET_AGENT, agentId, null, change);
        cache.patch(t, LIST_AGENTS, null, null, agents -> replaceIn(agents, Agent::id, agentId, change));
    }

    /** Forgets the cached answers a webhook's news made wrong, so the next read asks Domotz. */
    public void forget(DomotzTarget t, int agentId, Integer deviceId, CacheEffect effect) {
        cache.invalidate(t, agentId, deviceId, effect.invalidates());
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
        return cache.read(t, spec(GET_AGENT_RTD_STATS, agentId, null), () -> List.copyOf(api(t).getAgentRTDStats(t.apiKey(), agentId)));
    }

    public List<DeviceHistoryEvent> getDeviceStatusHistory(DomotzTarget t, int agentId, int deviceId,
                                                           Instant from, Instant to) {
        return cache.read(t, window(GET_DEVICE_STATUS_HISTORY, agentId, deviceId, from, to),
                () -> List.copyOf(api(t).getDeviceStatusHistory(t.apiKey(), agentId, deviceId,
                        DomotzTime.query(from), DomotzTime.query(to))));
    }

    public List<RtdSample> getDeviceRTDHistory(DomotzTarget t, int agentId, int deviceId, Instant from, Instant to) {
        return cache.read(t, window(GET_DEVICE_RTD_HISTORY, agentId, deviceId, from, to),
                () -> List.copyOf(api(t).getDeviceRTDHistory(t.apiKey(), agentId, deviceId,
                        DomotzTime.query(from), DomotzTime.query(to))));
    }

    public List<AgentHistoryEvent> getAgentStatusHistory(DomotzTarget t, int agentId, Instant from, Instant to) {
        return cache.read(t, spec(GET_AGENT_STATUS_HISTORY, agentId, null, DomotzTime.query(from), DomotzTime.query(to)),
                () -> List.copyOf(api(t).getAgentStatusHistory(t.apiKey(), agentId,
                        DomotzTime.query(from), DomotzTime.query(to))));
    }

    public List<SpeedSample> getSpeedTestHistory(DomotzTarget t, int agentId, Instant from, Instant to) {
        return cache.read(t, spec(GET_SPEED_TEST_HISTORY, agentId, null, DomotzTime.query(from), DomotzTime.query(to)),
                () -> List.copyOf(api(t).getSpeedTestHistory(t.apiKey(), agentId,
                        DomotzTime.query(from), DomotzTime.query(to))));
    }

    /**
     * Whether the read would call Domotz now: not when a fresh answer is stored (an aged one is refreshed, so it
     * counts). Asks nothing and counts nothing.
     */
    public boolean costs(DomotzTarget t, PlannedRead planned) {
        return !cache.fresh(t, readOf(planned));
    }

    private Read<?> readOf(PlannedRead planned) {
        if (planned instanceof PlannedRead.Agent a) {
            return spec(GET_AGENT, a.agentId(), null);
        }
        if (planned instanceof PlannedRead.Devices d) {
            return spec(LIST_DEVICES, d.agentId(), null, false);
        }
        if (planned instanceof PlannedRead.AgentHistory h) {
            return spec(GET_AGENT_STATUS_HISTORY, h.agentId(), null, DomotzTime.query(h.from()), DomotzTime.query(h.to()));
        }
        if (planned instanceof PlannedRead.DeviceHistory h) {
            return window(GET_DEVICE_STATUS_HISTORY, h.agentId(), h.deviceId(), h.from(), h.to());
        }
        if (planned instanceof PlannedRead.RtdHistory h) {
            return window(GET_DEVICE_RTD_HISTORY, h.agentId(), h.deviceId(), h.from(), h.to());
        }
        PlannedRead.SpeedTests s = (PlannedRead.SpeedTests) planned;
        return spec(GET_SPEED_TEST_HISTORY, s.agentId(), null, DomotzTime.query(s.from()), DomotzTime.query(s.to()));
    }

    // ---- alert profiles

    public List<AlertProfile> getAlertProfiles(DomotzTarget t, int userId) {
        return cache.read(t, spec(GET_ALERT_PROFILES, null, null, userId),
                () -> List.copyOf(api(t).getAlertProfiles(t.apiKey(), userId)));
    }

    public List<AgentAlertBinding> getAgentAlertProfile(DomotzTarget t, int agentId) {
        return cache.read(t, spec(GET_AGENT_ALERT_PROFILE, agentId, null), () -> List.copyOf(api(t).getAgentAlertProfile(t.apiKey(), agentId)));
    }

    public List<DeviceAlertBinding> getDevicesAlertProfile(DomotzTarget t, int agentId) {
        return cache.read(t, spec(GET_DEVICES_ALERT_PROFILE, agentId, null), () -> List.copyOf(api(t).getDevicesAlertProfile(t.apiKey(), agentId)));
    }

    // ---- meta, catalogue, user

    /** Also teaches the gateway the key's {@code concurrent_allowed}. */
    public ApiUsage apiUsageInfo(DomotzTarget t) {
        ApiUsage usage = cache.read(t, spec(API_USAGE_INFO, null, null), () -> {
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
        for (DomotzTarget t : budget.dueForReading(clock.instant().minus(config.usageRefresh()))) {
            try {
                budget.observed(t, calls.read(t, API_USAGE_INFO.name(), () -> api(t).apiUsageInfo(t.apiKey())));
            } catch (DomotzException unread) {
                // Next round; the pages keep the last figures.
            }
        }
    }

    public List<DeviceBaseType> listDeviceBaseTypes(DomotzTarget t) {
        return cache.read(t, spec(LIST_DEVICE_BASE_TYPES, null, null), () -> List.copyOf(api(t).listDeviceBaseTypes(t.apiKey())));
    }

    public List<DetectedDeviceType> listDeviceDetectedTypes(DomotzTarget t) {
        return cache.read(t, spec(LIST_DEVICE_DETECTED_TYPES, null, null), () -> List.copyOf(api(t).listDeviceDetectedTypes(t.apiKey())));
    }

    public DomotzUser getUser(DomotzTarget t) {
        return cache.read(t, spec(GET_USER, null, null), () -> api(t).getUser(t.apiKey()));
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
        DomotzUser user = calls.read(t, GET_USER.name(), () -> api(t).getUser(t.apiKey()));
        ApiUsage usage = calls.read(t, API_USAGE_INFO.name(), () -> api(t).apiUsageInfo(t.apiKey()));
        calls.learnConcurrentAllowed(t, usage.concurrentAllowed());
        budget.observed(t, usage);
        return new KeyCheck(user, usage);
    }

    /** Never cached: a snapshot is wanted because it is new. */
    public Snapshot onvifSnapshot(DomotzTarget t, int agentId, int deviceId) {
        return calls.change(t, Change.ONVIF_SNAPSHOT.operationName(), () -> {
            try (Response response = api(t).onvifSnapshot(t.apiKey(), agentId, deviceId)) {
                String type = response.getMediaType() == null ? "image/jpeg" : response.getMediaType().toString();
                return new Snapshot(response.readEntity(byte[].class), type, clock.instant());
            }
        });
    }

    // ---- mutations: each invalidates what it changes, for every key on the same cell

    public void deleteDownDevices(DomotzTarget t, int agentId) {
        mutate(t, Change.DELETE_DOWN_DEVICES, agentId, null, () -> api(t).deleteDownDevices(t.apiKey(), agentId));
    }

    public void deleteDevice(DomotzTarget t, int agentId, int deviceId) {
        mutate(t, Change.DELETE_DEVICE, agentId, deviceId, () -> api(t).deleteDevice(t.apiKey(), agentId, deviceId));
    }

    public void hideDevice(DomotzTarget t, int agentId, int deviceId) {
        mutate(t, Change.HIDE_DEVICE, agentId, deviceId, () -> api(t).hideDevice(t.apiKey(), agentId, deviceId));
    }

    public void editDevice(DomotzTarget t, int agentId, int deviceId, EditableField field, String value) {
        String body = jsonString(value);
        mutate(t, Change.EDIT_DEVICE, agentId, deviceId, () -> api(t).editDevice(t.apiKey(), agentId, deviceId, field.path(), body));
    }

    public void powerActionOnDevice(DomotzTarget t, int agentId, int deviceId, PowerAction action) {
        mutate(t, Change.POWER_ACTION_ON_DEVICE, agentId, deviceId,
                () -> api(t).powerActionOnDevice(t.apiKey(), agentId, deviceId, action.path()));
    }

    public void setCredentials(DomotzTarget t, int agentId, int deviceId, DeviceCredentials credentials) {
        mutate(t, Change.SET_CREDENTIALS, agentId, deviceId, () -> api(t).setCredentials(t.apiKey(), agentId, deviceId, credentials));
    }

    public void setSnmpCommunity(DomotzTarget t, int agentId, int deviceId, SnmpCommunity community) {
        mutate(t, Change.SET_SNMP_COMMUNITY, agentId, deviceId, () -> api(t).setSnmpCommunity(t.apiKey(), agentId, deviceId, community));
    }

    public ConnectionSession connectToDevice(DomotzTarget t, int agentId, int deviceId, ConnectionRequest request) {
        return calls.change(t, Change.CONNECT_TO_DEVICE.operationName(), () -> api(t).connectToDevice(t.apiKey(), agentId, deviceId, request));
    }

    public void bindAlertProfileToAgent(DomotzTarget t, int profileId, int agentId) {
        mutate(t, Change.BIND_ALERT_PROFILE_TO_AGENT, agentId, null, () -> api(t).bindAlertProfileToAgent(t.apiKey(), profileId, agentId));
    }

    public void unbindAlertProfileFromAgent(DomotzTarget t, int profileId, int agentId) {
        mutate(t, Change.UNBIND_ALERT_PROFILE_FROM_AGENT, agentId, null,
                () -> api(t).unbindAlertProfileFromAgent(t.apiKey(), profileId, agentId));
    }

    public void bindAlertProfileToDevice(DomotzTarget t, int profileId, int agentId, int deviceId) {
        mutate(t, Change.BIND_ALERT_PROFILE_TO_DEVICE, agentId, null,
                () -> api(t).bindAlertProfileToDevice(t.apiKey(), profileId, agentId, deviceId));
    }

    public void unbindAlertProfileFromDevice(DomotzTarget t, int profileId, int agentId, int deviceId) {
        mutate(t, Change.UNBIND_ALERT_PROFILE_FROM_DEVICE, agentId, null,
                () -> api(t).unbindAlertProfileFromDevice(t.apiKey(), profileId, agentId, deviceId));
    }

    // ---- helpers

    private DomotzApi api(DomotzTarget t) {
        return clients.forTarget(t);
    }

    /** Makes the change, then drops the cached reads it made wrong (for every key on the same cell). */
    private void mutate(DomotzTarget t, Change change, int agentId, Integer deviceId, Runnable call) {
        calls.change(t, change.operationName(), () -> {
            call.run();
            return Boolean.TRUE;
        });
        cache.invalidate(t, agentId, deviceId, change.invalidates());
    }

    /** A read of {@code operation} with its configured freshness. */
    private <T> Read<T> spec(Operation<T> operation, Integer agentId, Integer deviceId, Object... args) {
        return Read.of(operation, operation.ttl(ttl), agentId, deviceId, args);
    }

    /** A history read over a window, with the same window five minutes earlier as its stand-in. */
    private <T> Read<T> window(Operation<T> operation, int agentId, int deviceId, Instant from, Instant to) {
        Read<T> read = spec(operation, agentId, deviceId, DomotzTime.query(from), DomotzTime.query(to));
        return from == null || to == null ? read : read.standingIn(previousWindow(from, to));
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
        return List.of(DomotzTime.query(from.minusSeconds(300)), DomotzTime.query(to.minusSeconds(300)));
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
