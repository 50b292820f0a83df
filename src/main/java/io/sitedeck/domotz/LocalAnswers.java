package io.sitedeck.domotz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers and call counts in this instance's memory (the default, one instance). */
final class LocalAnswers implements AnswerStore {

    private record DailyCount(LocalDate day, AtomicInteger count) {}

    private final Cache<CallKey, UpstreamCache.Stamped> answers;
    private final Map<String, DailyCount> spent = new ConcurrentHashMap<>();

    LocalAnswers(long maxEntries, Duration keep) {
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(keep).build();
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
    public boolean claim(CallKey key, Duration atMost) {
        return true; // single flight within the instance is the cache's own
    }

    @Override
    public void release(CallKey key) {
    }

    @Override
    public int countCall(String fingerprint) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return spent.compute(fingerprint, (k, old) -> old != null && old.day().equals(today) ? old
                : new DailyCount(today, new AtomicInteger())).count().incrementAndGet();
    }

    @Override
    public int callsToday(String fingerprint) {
        DailyCount today = spent.get(fingerprint);
        return today == null || !today.day().equals(LocalDate.now(ZoneOffset.UTC)) ? 0 : today.count().get();
    }
}
