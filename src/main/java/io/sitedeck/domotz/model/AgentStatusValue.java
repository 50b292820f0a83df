package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of agent connectivity (AgentBase.status.value); anything else reads as {@code UNKNOWN}. */
public enum AgentStatusValue {
    ONLINE, OFFLINE,
    @JsonEnumDefaultValue
    UNKNOWN
}
