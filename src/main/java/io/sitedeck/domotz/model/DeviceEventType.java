package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of an event of a device's status history; anything else reads as {@code UNKNOWN}. */
public enum DeviceEventType {
    IP_CHANGE, CREATED, UP, DOWN,
    @JsonEnumDefaultValue
    UNKNOWN
}
