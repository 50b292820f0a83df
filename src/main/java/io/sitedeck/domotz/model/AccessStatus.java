package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of how the key's user holds an agent (access_right.status); anything else reads as {@code UNKNOWN}. */
public enum AccessStatus {
    OWNED, GRANTED, PROPOSED, ASSIGNED,
    @JsonEnumDefaultValue
    UNKNOWN
}
