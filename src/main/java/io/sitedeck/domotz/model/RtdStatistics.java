package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A device's weekly RTD baseline and latest sample ({@code DeviceRTDStatistics}); values in ms. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RtdStatistics(
        int deviceId,
        Double avgMin,
        Double avgMedian,
        Double avgMax,
        Double latestMedian,
        Integer latestLostPacketCount,
        Integer latestSentPacketCount,
        Instant timestamp) {}
