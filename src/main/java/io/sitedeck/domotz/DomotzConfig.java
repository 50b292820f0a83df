package io.sitedeck.domotz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How Sitedeck calls Domotz. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.domotz")
public interface DomotzConfig {

    /** How long to wait for a TCP connection to a Domotz cell. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long to wait for an answer once connected; never infinite. */
    @WithDefault("20s")
    Duration readTimeout();

    /** Calls in flight at once per API key (Domotz's {@code concurrent_allowed} is usually 5). */
    @WithDefault("5")
    int concurrentAllowed();

    /** How long a call waits for a free slot of its key before it gives up. */
    @WithDefault("10s")
    Duration queueTimeout();

    /** The most responses kept in the cache, over all keys. */
    @WithDefault("20000")
    long cacheMaxEntries();

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
