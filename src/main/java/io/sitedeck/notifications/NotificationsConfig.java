package io.sitedeck.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Notifications (issue #19). Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.notifications")
public interface NotificationsConfig {

    /**
     * The hosts channel webhooks may point at: names, {@code *.example.com}, {@code *} for any host, or addresses and
     * CIDR blocks. Whatever the names, an internal address (loopback, private, link-local…) is refused unless an
     * address entry lists it.
     */
    @WithDefault("*")
    List<String> allowedHosts();

    /** How often the outbox is looked at ({@code off}: never, tests drive it). The job's {@code @Scheduled} reads the key. */
    @WithDefault("10s")
    String sendEvery();

    /** Connect and answer time allowed to a webhook receiver. */
    @WithDefault("10s")
    Duration timeout();

    /** Attempts before a notification is given up as failed (retried after 30 s, 1 min, 2 min, … between). */
    @WithDefault("8")
    int maxAttempts();
}
