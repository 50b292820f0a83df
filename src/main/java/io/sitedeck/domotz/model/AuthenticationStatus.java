package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The values of where a device stands with the credentials for extended discovery; anything else reads as {@code UNKNOWN}. */
public enum AuthenticationStatus {
    AUTHENTICATED, NO_AUTHENTICATION, PENDING, REQUIRED, WRONG_CREDENTIALS,
    @JsonEnumDefaultValue
    UNKNOWN
}
