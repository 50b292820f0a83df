package io.sitedeck.fleet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The fleet index and its crawler. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.fleet")
public interface FleetConfig {

    /**
     * How often the crawler looks for sites whose index is oldest ({@code off} stops it; the index is
     * then fed by pages and webhooks only). Declared here for its default; the job's
     * {@code @Scheduled} reads the same key.
     */
    @WithDefault("30s")
    String crawlEvery();

    /**
     * The share (0 … 1) of the day's budget people are not projected to need that the crawler may
     * spend, per key; it never spends on a day with less than a tenth of the limit left.
     */
    @WithDefault("0.5")
    double budgetShare();

    /** A site's device list is read again by the crawler once its index is this old. */
    @WithDefault("6h")
    Duration refreshAfter();

    /** At most this many calls per crawler round, over every key (one call at a time). */
    @WithDefault("10")
    int callsPerRound();

    /** How long an instance's claim on a site it is crawling holds (another instance takes over after). */
    @WithDefault("2m")
    Duration claimFor();

    /** The "new devices" list's default window, in days. */
    @WithDefault("7")
    int newDeviceDays();
}
