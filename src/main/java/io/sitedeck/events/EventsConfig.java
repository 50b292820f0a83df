package io.sitedeck.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/** Webhook events and live updates. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.events")
public interface EventsConfig {

    /** How long received events are kept; older ones are deleted by a scheduled job. */
    @WithDefault("30d")
    Duration retention();

    /**
     * How often the clean-up job runs. Declared here for its default and its check at start-up;
     * the job's {@code @Scheduled} reads the same key.
     */
    @WithDefault("1h")
    Duration cleanupEvery();

    /** Largest webhook body accepted (bytes, at most 65536: the stored body's size); bigger ones are answered 413. */
    @WithDefault("65536")
    @WithConverter(BodyLimit.class)
    int maxBodyBytes();

    /**
     * Reads {@code max-body-bytes} and refuses a start with more than the stored body can hold
     * (a converter rather than Bean Validation, which the console needs nowhere else and which
     * costs every start its few hundred classes).
     */
    final class BodyLimit implements Converter<Integer> {
        static final int MAX = 65536;

        @Override
        public Integer convert(String value) {
            int bytes = Integer.parseInt(value.trim());
            if (bytes < 1 || bytes > MAX) {
                throw new IllegalArgumentException("sitedeck.events.max-body-bytes must be between 1 and " + MAX
                        + " (the size of a stored body), not " + bytes);
            }
            return bytes;
        }
    }

    /** Webhook events one team may send per minute (a burst of this many, then this rate); more are answered 429. */
    @WithDefault("600")
    int webhookRatePerMinute();

    /** Events one team may have stored (within the retention); past it new events are answered 429 until old ones expire. */
    @WithDefault("200000")
    long maxStoredPerTeam();

    /** How far in the future an event's timestamp may be (clock skew); later ones are refused with 400. */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** Events per page on the Events page. */
    @WithDefault("50")
    int pageSize();

    /** Most missed events replayed to a browser that reconnects (older ones: reload the page). */
    @WithDefault("500")
    int replayLimit();

    /** How often open event streams get a keep-alive comment (also how dead connections are noticed). */
    @WithDefault("20s")
    Duration keepAlive();
}
