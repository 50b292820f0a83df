package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An alert profile bound to a device ({@code AlertProfileDeviceBinding}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceAlertBinding(int alertProfileId, int deviceId) {}
