package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A device type a user can choose, or Domotz assigns ({@code DeviceBaseType}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceBaseType(Integer id, String identifier, String label, Boolean vital) {}
