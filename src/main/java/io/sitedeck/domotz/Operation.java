package io.sitedeck.domotz;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentAlertBinding;
import io.sitedeck.domotz.model.AgentHistoryEvent;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.domotz.model.ApiUsage;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceAlertBinding;
import io.sitedeck.domotz.model.DeviceBaseType;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.domotz.model.DevicePowerActions;
import io.sitedeck.domotz.model.DomotzUser;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.domotz.model.SpeedSample;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every Domotz read the gateway caches: its name (in cache keys and metrics, as the reference
 * names the operation), how long its answer stays fresh ({@code sitedeck.domotz.ttl.*}), and the
 * Java type of its answer (so a shared store can read it back). The table is in docs/architecture.md.
 *
 * @param <T> the answer's type
 */
final class Operation<T> {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final Map<String, Operation<?>> BY_NAME = new LinkedHashMap<>();

    static final Operation<List<Agent>> LIST_AGENTS = list("listAgents", DomotzConfig.Ttl::agents, Agent.class);
    static final Operation<Integer> COUNT_AGENTS = one("countAgents", DomotzConfig.Ttl::agents, Integer.class);
    static final Operation<Agent> GET_AGENT = one("getAgent", DomotzConfig.Ttl::agents, Agent.class);
    static final Operation<List<Device>> LIST_DEVICES = list("listDevices", DomotzConfig.Ttl::devices, Device.class);
    static final Operation<Device> GET_DEVICE = one("getDevice", DomotzConfig.Ttl::devices, Device.class);
    static final Operation<DevicePowerActions> GET_DEVICE_POWER_ACTIONS = one("getDevicePowerActions",
            DomotzConfig.Ttl::devices, DevicePowerActions.class);
    static final Operation<List<RtdStatistics>> GET_AGENT_RTD_STATS = list("getAgentRTDStats", DomotzConfig.Ttl::rtd,
            RtdStatistics.class);
    static final Operation<List<DeviceHistoryEvent>> GET_DEVICE_STATUS_HISTORY = list("getDeviceStatusHistory",
            DomotzConfig.Ttl::history, DeviceHistoryEvent.class);
    static final Operation<List<RtdSample>> GET_DEVICE_RTD_HISTORY = list("getDeviceRTDHistory",
            DomotzConfig.Ttl::history, RtdSample.class);
    static final Operation<List<AgentHistoryEvent>> GET_AGENT_STATUS_HISTORY = list("getAgentStatusHistory",
            DomotzConfig.Ttl::history, AgentHistoryEvent.class);
    static final Operation<List<SpeedSample>> GET_SPEED_TEST_HISTORY = list("getSpeedTestHistory",
            DomotzConfig.Ttl::history, SpeedSample.class);
    static final Operation<List<AlertProfile>> GET_ALERT_PROFILES = list("getAlertProfiles", DomotzConfig.Ttl::alerts,
            AlertProfile.class);
    static final Operation<List<AgentAlertBinding>> GET_AGENT_ALERT_PROFILE = list("getAgentAlertProfile",
            DomotzConfig.Ttl::alerts, AgentAlertBinding.class);
    static final Operation<List<DeviceAlertBinding>> GET_DEVICES_ALERT_PROFILE = list("getDevicesAlertProfile",
            DomotzConfig.Ttl::alerts, DeviceAlertBinding.class);
    static final Operation<ApiUsage> API_USAGE_INFO = one("apiUsageInfo", DomotzConfig.Ttl::usage, ApiUsage.class);
    static final Operation<List<DeviceBaseType>> LIST_DEVICE_BASE_TYPES = list("listDeviceBaseTypes",
            DomotzConfig.Ttl::catalogue, DeviceBaseType.class);
    static final Operation<List<DetectedDeviceType>> LIST_DEVICE_DETECTED_TYPES = list("listDeviceDetectedTypes",
            DomotzConfig.Ttl::catalogue, DetectedDeviceType.class);
    static final Operation<DomotzUser> GET_USER = one("getUser", DomotzConfig.Ttl::catalogue, DomotzUser.class);

    private final String name;
    private final Function<DomotzConfig.Ttl, Duration> ttl;
    private final JavaType answerType;

    private Operation(String name, Function<DomotzConfig.Ttl, Duration> ttl, JavaType answerType) {
        this.name = name;
        this.ttl = ttl;
        this.answerType = answerType;
        BY_NAME.put(name, this);
    }

    private static <T> Operation<T> one(String name, Function<DomotzConfig.Ttl, Duration> ttl, Class<T> type) {
        return new Operation<>(name, ttl, TYPES.constructType(type));
    }

    private static <E> Operation<List<E>> list(String name, Function<DomotzConfig.Ttl, Duration> ttl, Class<E> element) {
        return new Operation<>(name, ttl, TYPES.constructCollectionType(List.class, element));
    }

    /** The operation of a stored answer's key; empty for names that are never cached. */
    static Optional<Operation<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    String name() {
        return name;
    }

    /** How long an answer stays fresh as configured (the day's budget stretches or shrinks it). */
    Duration ttl(DomotzConfig.Ttl configured) {
        return ttl.apply(configured);
    }

    JavaType answerType() {
        return answerType;
    }

    /** A cached answer of this operation, typed again: the store holds answers as {@code Object}. */
    @SuppressWarnings("unchecked")
    T cast(Object answer) {
        return (T) answer;
    }

    @Override
    public String toString() {
        return name;
    }
}
