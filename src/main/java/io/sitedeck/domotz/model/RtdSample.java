package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One aggregate of RTD measurements ({@code DeviceRTDHistorySample}); values in ms, each may be
 * absent. Held in primitives rather than as a record of boxed values: a week of one device is 672
 * samples and the cache keeps many weeks, so a sample takes ~56 bytes of heap instead of ~136
 * (a record of an {@code Instant}, three {@code Double}s and two {@code Integer}s).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RtdSample {

    private static final long NO_TIME = Long.MIN_VALUE;
    private static final int NO_COUNT = Integer.MIN_VALUE;

    private final long epochMillis;
    private final double min;
    private final double median;
    private final double max;
    private final int lostPacketCount;
    private final int sentPacketCount;

    @JsonCreator
    public RtdSample(@JsonProperty("timestamp") Instant timestamp, @JsonProperty("min") Double min,
                     @JsonProperty("median") Double median, @JsonProperty("max") Double max,
                     @JsonProperty("lost_packet_count") Integer lostPacketCount,
                     @JsonProperty("sent_packet_count") Integer sentPacketCount) {
        this.epochMillis = timestamp == null ? NO_TIME : timestamp.toEpochMilli();
        this.min = min == null ? Double.NaN : min;
        this.median = median == null ? Double.NaN : median;
        this.max = max == null ? Double.NaN : max;
        this.lostPacketCount = lostPacketCount == null ? NO_COUNT : lostPacketCount;
        this.sentPacketCount = sentPacketCount == null ? NO_COUNT : sentPacketCount;
    }

    @JsonProperty("timestamp")
    public Instant timestamp() {
        return epochMillis == NO_TIME ? null : Instant.ofEpochMilli(epochMillis);
    }

    @JsonProperty("min")
    public Double min() {
        return boxed(min);
    }

    @JsonProperty("median")
    public Double median() {
        return boxed(median);
    }

    @JsonProperty("max")
    public Double max() {
        return boxed(max);
    }

    @JsonProperty("lost_packet_count")
    public Integer lostPacketCount() {
        return boxed(lostPacketCount);
    }

    @JsonProperty("sent_packet_count")
    public Integer sentPacketCount() {
        return boxed(sentPacketCount);
    }

    private static Double boxed(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Integer boxed(int value) {
        return value == NO_COUNT ? null : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RtdSample that && epochMillis == that.epochMillis
                && Double.compare(min, that.min) == 0 && Double.compare(median, that.median) == 0
                && Double.compare(max, that.max) == 0 && lostPacketCount == that.lostPacketCount
                && sentPacketCount == that.sentPacketCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochMillis, min, median, max, lostPacketCount, sentPacketCount);
    }

    @Override
    public String toString() {
        return "RtdSample[timestamp=" + timestamp() + ", min=" + min() + ", median=" + median() + ", max=" + max()
                + ", lostPacketCount=" + lostPacketCount() + ", sentPacketCount=" + sentPacketCount() + "]";
    }
}
