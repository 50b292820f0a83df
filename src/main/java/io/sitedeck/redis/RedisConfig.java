package io.sitedeck.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Redis for several Sitedeck instances. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.redis")
public interface RedisConfig {

    /**
     * {@code redis://host:6379/0}: share Domotz answers, single flight and budget counts with
     * every instance using the same Redis. Unset: each instance keeps its own, in memory.
     */
    Optional<String> url();

    /** Prefix of every key Sitedeck writes, so several deployments can share one Redis. */
    @WithDefault("sitedeck")
    String prefix();
}
