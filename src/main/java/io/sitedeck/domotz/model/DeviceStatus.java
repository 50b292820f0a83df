package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of a device's status; anything else reads as {@code UNKNOWN}. */
public enum DeviceStatus {
    ONLINE, OFFLINE, DOWN, HIDDEN,
    @JsonEnumDefaultValue
    UNKNOWN
}
