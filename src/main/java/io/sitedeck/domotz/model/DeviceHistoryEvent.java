package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A state change of a device ({@code DeviceHistory}); {@code details} only for IP_CHANGE. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceHistoryEvent(Instant timestamp, DeviceEventType type, IpChange details) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IpChange(List<String> oldIp, List<String> newIp) {}
}
