package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of what a remote connection wraps (lower case on the wire); anything else reads as {@code UNKNOWN}. */
public enum ConnectionProtocol {
    http, https, tcp,
    @JsonEnumDefaultValue
    UNKNOWN
}
