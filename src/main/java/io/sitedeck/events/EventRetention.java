package io.sitedeck.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Deletes events older than {@code sitedeck.events.retention}, every {@code cleanup-every}. */
@ApplicationScoped
class EventRetention {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    private final EventStore store;
    private final EventsConfig config;

    EventRetention(EventStore store, EventsConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${sitedeck.events.cleanup-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void clean() {
        cleanNow();
    }

    /** Answers how many events were deleted. */
    long cleanNow() {
        long deleted = store.deleteReceivedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("Deleted %d webhook events older than %s", deleted, config.retention());
        }
        return deleted;
    }
}
