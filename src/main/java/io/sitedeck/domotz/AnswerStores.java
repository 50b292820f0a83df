package io.sitedeck.domotz;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.sitedeck.redis.SharedRedis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Chooses where answers live: Redis when {@code sitedeck.redis.url} is set, this instance's memory otherwise. */
@ApplicationScoped
class AnswerStores {

    private static final Logger LOG = Logger.getLogger(AnswerStores.class);

    @Produces
    @Singleton
    AnswerStore answers(DomotzConfig config, SharedRedis redis, ObjectMapper json, Clock clock, MeterRegistry metrics) {
        long maxWeight = config.cacheMaxWeight().map(MemorySize::asLongValue).orElse(Runtime.getRuntime().maxMemory() / 4);
        LocalAnswers local = new LocalAnswers(maxWeight, json, config.maxStale(), config.budgetDay(), clock);
        Gauge.builder("sitedeck.domotz.cache.weight", local, LocalAnswers::weight).baseUnit("bytes")
                .description("What the Domotz answers kept in this instance's memory weigh, as JSON").register(metrics);
        if (redis.client().isEmpty()) {
            return local;
        }
        LOG.infof("Domotz answers, single flight and budget counts are shared through Redis (prefix %s)",
                redis.prefix());
        return new RedisAnswers(redis.client().get(), json, redis.prefix(), config.maxStale(), config.budgetDay(), clock, local);
    }
}
