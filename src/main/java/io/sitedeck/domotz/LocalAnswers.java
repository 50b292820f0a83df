package io.sitedeck.domotz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Answers and call counts in this instance's memory (the default, one instance). */
final class LocalAnswers implements AnswerStore {

    private record DailyCount(long day, AtomicInteger count) {}

    private final Cache<CallKey, UpstreamCache.Stamped> answers;
    private final Map<String, DailyCount> spent = new ConcurrentHashMap<>();

    private final long dayMillis;
    private final Clock clock;

    /**
     * Bounded by weight, not by count: once the answers together weigh {@code maxWeight} bytes (their
     * JSON, {@link AnswerWeight}, plus each entry's own key and bookkeeping), those least likely to be
     * asked for again leave (Caffeine's recency-and-frequency policy).
     */
    LocalAnswers(long maxWeight, ObjectMapper json, Duration keep, Duration budgetDay, Clock clock) {
        this.clock = clock;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((CallKey key, UpstreamCache.Stamped answer) -> AnswerWeight.ENTRY + AnswerWeight.of(json, answer.value()))
                .expireAfterWrite(keep).build();
        this.dayMillis = budgetDay.toMillis();
    }

    /** What the answers weigh together now (after pending evictions), for the metrics and tests. */
    long weight() {
        answers.cleanUp();
        return answers.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** The number of the budget day now (UTC days, unless a benchmark compresses them). */
    private long today() {
        return clock.millis() / dayMillis;
    }

    @Override
    public UpstreamCache.Stamped get(CallKey key) {
        return answers.getIfPresent(key);
    }

    @Override
    public void put(CallKey key, UpstreamCache.Stamped answer) {
        answers.put(key, answer);
    }

    @Override
    public void invalidate(String baseUrl, int agentId, Integer deviceId, Set<String> operations) {
        answers.asMap().keySet()
                .removeIf(key -> operations.contains(key.operation()) && key.concerns(baseUrl, agentId, deviceId));
    }

    @Override
    public void patch(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId,
                      UnaryOperator<Object> change) {
        for (CallKey key : answers.asMap().keySet()) {
            if (key.matches(baseUrl, scope, operation, agentId, deviceId)) {
                answers.asMap().computeIfPresent(key, (same, stamped) -> stamped.withValue(change.apply(stamped.value())));
            }
        }
    }

    @Override
    public List<Object> values(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId) {
        return answers.asMap().entrySet().stream()
                .filter(entry -> entry.getKey().matches(baseUrl, scope, operation, agentId, deviceId))
                .map(entry -> entry.getValue().value()).toList();
    }

    @Override
    public boolean claim(CallKey key, Duration atMost) {
        return true; // single flight within the instance is the cache's own
    }

    @Override
    public void release(CallKey key) {
    }

    @Override
    public int countCall(String fingerprint) {
        long today = today();
        return spent.compute(fingerprint, (k, old) -> old != null && old.day() == today ? old
                : new DailyCount(today, new AtomicInteger())).count().incrementAndGet();
    }

    @Override
    public int callsToday(String fingerprint) {
        DailyCount today = spent.get(fingerprint);
        return today == null || today.day() != today() ? 0 : today.count().get();
    }
}
