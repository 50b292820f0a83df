package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of a device's importance; anything else reads as {@code UNKNOWN}. */
public enum Importance {
    VITAL, FLOATING,
    @JsonEnumDefaultValue
    UNKNOWN
}
