package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** An Internet speed test ({@code NetworkSpeedSample}): {@code values} is [download, upload] in bit/s. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpeedSample(Instant timestamp, List<Long> values) {

    public Long downloadBps() {
        return values != null && !values.isEmpty() ? values.get(0) : null;
    }

    public Long uploadBps() {
        return values != null && values.size() > 1 ? values.get(1) : null;
    }
}
