package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A type found by Domotz device identification, with its capabilities (e.g. {@code snapshot}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DetectedDeviceType(Integer id, String identifier, String label, Integer typeId,
                                 List<String> capabilities) {

    public boolean can(String capability) {
        return capabilities != null && capabilities.contains(capability);
    }
}
