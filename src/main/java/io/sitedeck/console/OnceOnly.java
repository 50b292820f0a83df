package io.sitedeck.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Remembers the one-time tokens of action forms for ten minutes, so a double click or a retried
 * request does not fire a power action (or a delete) twice.
 */
@ApplicationScoped
public class OnceOnly {

    private final Cache<String, Boolean> used = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** True the first time this token is seen for this member; false for every repeat. */
    public boolean first(long userId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return used.asMap().putIfAbsent(userId + ":" + token, Boolean.TRUE) == null;
    }
}
