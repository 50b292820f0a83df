package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A device's {@code protocol}. The reference documents IP, DUMMY and IP_EXTERNAL; real accounts
 * also return IP_SUBNET for devices in a user-defined subnet.
 */
public enum Protocol {
    IP,
    IP_SUBNET,
    IP_EXTERNAL,
    DUMMY,
    @JsonEnumDefaultValue
    UNKNOWN
}
