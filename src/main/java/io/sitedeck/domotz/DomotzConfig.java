package io.sitedeck.domotz;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How Sitedeck calls Domotz. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.domotz")
public interface DomotzConfig {

    /** How long to wait for a TCP connection to a Domotz cell. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Hosts a custom Domotz URL may point at: names, {@code *.domain} wildcards, addresses and CIDR
     * blocks. Internal addresses (loopback, private, link-local …) are refused unless an address
     * or CIDR entry names them. The embedded sandbox needs no entry.
     */
    @WithDefault("*.domotz.com")
    java.util.List<String> allowedHosts();

    /** How long to wait for an answer once connected; never infinite. */
    @WithDefault("20s")
    Duration readTimeout();

    /** Calls in flight at once per API key (Domotz's {@code concurrent_allowed} is usually 5). */
    @WithDefault("5")
    int concurrentAllowed();

    /**
     * How long a call waits for a free slot of its key before it gives up (and the page is served
     * cached data instead of piling up behind a busy key).
     */
    @WithDefault("3s")
    Duration queueTimeout();

    /** Extra attempts of a read (GET) after a 5xx, a timeout or a refused connection; never for changes. */
    @WithDefault("2")
    int retries();

    /** The pause before the first retry; each further one doubles it (with jitter). */
    @WithDefault("200ms")
    Duration retryDelay();

    /** Failures in a row of one cell that open its circuit. */
    @WithDefault("5")
    int circuitFailures();

    /** How long an open circuit fails calls fast before it lets one trial call through. */
    @WithDefault("30s")
    Duration circuitOpenFor();

    /** After a 429 without Retry-After: the first pause of the key; it doubles with each further 429. */
    @WithDefault("30s")
    Duration quotaBackoff();

    /** The longest pause after a 429 without Retry-After. */
    @WithDefault("15m")
    Duration quotaBackoffMax();

    /**
     * How long past its freshness an answer is still served at once while one background call
     * refreshes it (stale-while-revalidate); older answers are fetched before the page shows.
     */
    @WithDefault("10m")
    Duration staleWhileRevalidate();

    /**
     * How much of its freshness an answer may lose so that answers fetched together do not all expire together: each
     * is fresh for between {@code 1 - spread} and all of its TTL, its own share (see {@code FreshnessSpread}).
     */
    @WithDefault("0.2")
    double freshnessSpread();

    /** How long the last good answer is kept, to serve when Domotz refuses (quota) or fails. */
    @WithDefault("24h")
    Duration maxStale();

    /** How often the daily budget of each key in use is read from {@code /meta/usage} (one call each). */
    @WithDefault("30m")
    Duration usageRefresh();

    /**
     * The budget's day: Domotz counts per day, and adaptive freshness compares the share of the
     * budget left with the share of this day still to come. Only a benchmark that compresses a
     * working day into minutes changes it.
     */
    @WithDefault("24h")
    Duration budgetDay();

    /** How far freshness may stretch when the day's budget runs low: at most this many times the TTL. */
    @WithDefault("240")
    double maxTtlFactor();

    /** How far freshness may shrink when most of the day's budget is left: at least this fraction of the TTL. */
    @WithDefault("0.5")
    double minTtlFactor();

    /** The most "no such thing" / "no access" answers kept, over all keys. */
    @WithDefault("20000")
    long cacheMaxEntries();

    /**
     * The most the answers kept in this instance's memory may weigh together, counted as the size
     * of their JSON (their heap use is of the same order); unset, a quarter of the heap the JVM may use.
     */
    Optional<MemorySize> cacheMaxWeight();

    /** How long each kind of response stays fresh in the cache. */
    Ttl ttl();

    interface Ttl {
        /** Agent lists, counts and details. */
        @WithDefault("60s")
        Duration agents();

        /** Device lists and details, power actions. */
        @WithDefault("60s")
        Duration devices();

        /** RTD statistics of an agent's devices. */
        @WithDefault("5m")
        Duration rtd();

        /** Status, RTD and speed-test histories. */
        @WithDefault("5m")
        Duration history();

        /** Alert profiles and their bindings. */
        @WithDefault("2m")
        Duration alerts();

        /** The base and detected type catalogues, and the key's user. */
        @WithDefault("12h")
        Duration catalogue();

        /** API usage figures. */
        @WithDefault("60s")
        Duration usage();
    }
}
