package io.sitedeck.domotz;

import static io.sitedeck.domotz.Operation.GET_AGENT_ALERT_PROFILE;
import static io.sitedeck.domotz.Operation.GET_AGENT_RTD_STATS;
import static io.sitedeck.domotz.Operation.GET_DEVICE;
import static io.sitedeck.domotz.Operation.GET_DEVICES_ALERT_PROFILE;
import static io.sitedeck.domotz.Operation.GET_DEVICE_POWER_ACTIONS;
import static io.sitedeck.domotz.Operation.GET_DEVICE_STATUS_HISTORY;
import static io.sitedeck.domotz.Operation.LIST_DEVICES;

import java.util.Set;

/**
 * Every call that changes something at Domotz (never cached, never retried) and the cached reads
 * it makes wrong, dropped for every key on the same cell once Domotz accepted it. The scope is
 * the call's agent and, when the call names one, its device.
 */
enum Change {
    DELETE_DOWN_DEVICES("deleteDownDevices", LIST_DEVICES, GET_DEVICE, GET_DEVICE_POWER_ACTIONS, GET_AGENT_RTD_STATS,
            GET_DEVICES_ALERT_PROFILE),
    DELETE_DEVICE("deleteDevice", LIST_DEVICES, GET_DEVICE, GET_DEVICE_POWER_ACTIONS, GET_AGENT_RTD_STATS,
            GET_DEVICES_ALERT_PROFILE),
    HIDE_DEVICE("hideDevice", LIST_DEVICES, GET_DEVICE),
    EDIT_DEVICE("editDevice", LIST_DEVICES, GET_DEVICE),
    POWER_ACTION_ON_DEVICE("powerActionOnDevice", LIST_DEVICES, GET_DEVICE, GET_DEVICE_POWER_ACTIONS,
            GET_DEVICE_STATUS_HISTORY, GET_AGENT_RTD_STATS),
    SET_CREDENTIALS("setCredentials", LIST_DEVICES, GET_DEVICE),
    SET_SNMP_COMMUNITY("setSnmpCommunity", LIST_DEVICES, GET_DEVICE),
    BIND_ALERT_PROFILE_TO_AGENT("bindAlertProfileToAgent", GET_AGENT_ALERT_PROFILE),
    UNBIND_ALERT_PROFILE_FROM_AGENT("unbindAlertProfileFromAgent", GET_AGENT_ALERT_PROFILE),
    /** A device binding changes the agent's list of device bindings: dropped for the whole agent. */
    BIND_ALERT_PROFILE_TO_DEVICE("bindAlertProfileToDevice", GET_DEVICES_ALERT_PROFILE),
    UNBIND_ALERT_PROFILE_FROM_DEVICE("unbindAlertProfileFromDevice", GET_DEVICES_ALERT_PROFILE),
    CONNECT_TO_DEVICE("connectToDevice"),
    ONVIF_SNAPSHOT("onvifSnapshot");

    private final String operationName;
    private final Set<Operation<?>> invalidates;

    Change(String operationName, Operation<?>... invalidates) {
        this.operationName = operationName;
        this.invalidates = Set.of(invalidates);
    }

    /** As the reference names the call (metrics, logs). */
    String operationName() {
        return operationName;
    }

    Set<Operation<?>> invalidates() {
        return invalidates;
    }
}
