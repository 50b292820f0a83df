package io.sitedeck.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * This instance's one Redis client, when {@code sitedeck.redis.url} is set: the shared answers,
 * claims and counts use it, and so does the fan-out of webhook events (which holds one of its
 * connections for its subscription).
 */
@Singleton
public class SharedRedis {

    private final Optional<Redis> client;
    private final String prefix;

    SharedRedis(RedisConfig config, Vertx vertx) {
        this.prefix = config.prefix();
        this.client = config.url().map(url -> Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
                .setMaxPoolSize(16).setMaxPoolWaiting(512)));
    }

    public Optional<Redis> client() {
        return client;
    }

    /** Prefix of every key and channel Sitedeck uses. */
    public String prefix() {
        return prefix;
    }
}
