package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of an event of an agent's status history; anything else reads as {@code UNKNOWN}. */
public enum AgentEventType {
    CONNECTION_RECOVERED, CONNECTION_LOST, UP, DOWN,
    @JsonEnumDefaultValue
    UNKNOWN
}
