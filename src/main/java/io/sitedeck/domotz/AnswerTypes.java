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
import java.util.List;
import java.util.Map;

/** The Java type of each cached operation's answer, so a shared store can read it back. */
final class AnswerTypes {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final Map<String, JavaType> BY_OPERATION = Map.ofEntries(
            Map.entry("listAgents", list(Agent.class)),
            Map.entry("countAgents", TYPES.constructType(Integer.class)),
            Map.entry("getAgent", TYPES.constructType(Agent.class)),
            Map.entry("listDevices", list(Device.class)),
            Map.entry("getDevice", TYPES.constructType(Device.class)),
            Map.entry("getDevicePowerActions", TYPES.constructType(DevicePowerActions.class)),
            Map.entry("getAgentRTDStats", list(RtdStatistics.class)),
            Map.entry("getDeviceStatusHistory", list(DeviceHistoryEvent.class)),
            Map.entry("getDeviceRTDHistory", list(RtdSample.class)),
            Map.entry("getAgentStatusHistory", list(AgentHistoryEvent.class)),
            Map.entry("getSpeedTestHistory", list(SpeedSample.class)),
            Map.entry("getAlertProfiles", list(AlertProfile.class)),
            Map.entry("getAgentAlertProfile", list(AgentAlertBinding.class)),
            Map.entry("getDevicesAlertProfile", list(DeviceAlertBinding.class)),
            Map.entry("apiUsageInfo", TYPES.constructType(ApiUsage.class)),
            Map.entry("listDeviceBaseTypes", list(DeviceBaseType.class)),
            Map.entry("listDeviceDetectedTypes", list(DetectedDeviceType.class)),
            Map.entry("getUser", TYPES.constructType(DomotzUser.class)));

    private AnswerTypes() {
    }

    /** The type of an operation's answer; null for operations that are never cached. */
    static JavaType of(String operation) {
        return BY_OPERATION.get(operation);
    }

    private static JavaType list(Class<?> element) {
        return TYPES.constructCollectionType(List.class, element);
    }
}
