package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** One aggregate of RTD measurements ({@code DeviceRTDHistorySample}); values in ms. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RtdSample(Instant timestamp, Double min, Double median, Double max,
                        Integer lostPacketCount, Integer sentPacketCount) {}
