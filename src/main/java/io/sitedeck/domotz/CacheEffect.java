package io.sitedeck.domotz;

import static io.sitedeck.domotz.Operation.GET_AGENT_RTD_STATS;
import static io.sitedeck.domotz.Operation.GET_AGENT_STATUS_HISTORY;
import static io.sitedeck.domotz.Operation.GET_DEVICE;
import static io.sitedeck.domotz.Operation.GET_DEVICE_RTD_HISTORY;
import static io.sitedeck.domotz.Operation.GET_DEVICE_STATUS_HISTORY;
import static io.sitedeck.domotz.Operation.GET_SPEED_TEST_HISTORY;
import static io.sitedeck.domotz.Operation.LIST_DEVICES;

import java.util.Set;

/**
 * What a webhook event says has changed at Domotz, in the gateway's terms: which cached reads
 * about the agent (and device) it makes wrong. Callers name the news; only the gateway knows its
 * operations ({@link DomotzGateway#forget}).
 */
public enum CacheEffect {
    /** A device went up or down: its status history grew. */
    DEVICE_STATUS_CHANGED(GET_DEVICE_STATUS_HISTORY),
    /** A device changed address: its history says so too. */
    DEVICE_ADDRESS_CHANGED(GET_DEVICE_STATUS_HISTORY),
    /** A device stopped answering: its details, the lists and the history are out of date. */
    DEVICE_HEARTBEAT_LOST(GET_DEVICE, LIST_DEVICES, GET_DEVICE_STATUS_HISTORY),
    /** A device's round-trip delay crossed a threshold. */
    DEVICE_RTD_CHANGED(GET_AGENT_RTD_STATS, GET_DEVICE_RTD_HISTORY),
    /** The agent went online or offline: its status history grew. */
    AGENT_STATUS_CHANGED(GET_AGENT_STATUS_HISTORY),
    /** The agent found new devices: its device lists are out of date. */
    DEVICES_DISCOVERED(LIST_DEVICES),
    /** The agent ran a speed test. */
    SPEED_TEST_DONE(GET_SPEED_TEST_HISTORY);

    private final Set<Operation<?>> invalidates;

    CacheEffect(Operation<?>... invalidates) {
        this.invalidates = Set.of(invalidates);
    }

    Set<Operation<?>> invalidates() {
        return invalidates;
    }
}
