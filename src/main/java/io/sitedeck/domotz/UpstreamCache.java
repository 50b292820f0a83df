package io.sitedeck.domotz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's read cache. Each answer is kept with the time Domotz sent it, and judged at read
 * time against its TTL (stretched or shrunk by the day's {@link Budget}):
 * <ul>
 *   <li>fresh → served;</li>
 *   <li>expired, but less than {@code stale-while-revalidate} past its TTL → served at once with
 *       its age, while one background call refreshes it;</li>
 *   <li>older or missing → fetched now; if Domotz then refuses (quota) or fails, the last good
 *       answer (up to {@code max-stale}) is served with a banner that says why.</li>
 * </ul>
 * Single flight: while one call for a key is on its way, identical requests — from any user of
 * the same Domotz user, and with Redis from any instance — wait for its answer instead of calling
 * again. Failures are not kept. Where answers live is the {@link AnswerStore}'s business.
 */
@ApplicationScoped
class UpstreamCache {

    /** A value and when Domotz sent it. */
    record Stamped(Object value, Instant fetchedAt) {
        /** The same answer, changed by a webhook: still as old as when Domotz sent it. */
        Stamped withValue(Object changed) {
            return changed == value ? this : new Stamped(changed, fetchedAt);
        }
    }

    private final AnswerStore answers;
    /**
     * "No such thing" and "no access" answers, kept for the answer's freshness: a page that keeps
     * asking for a site the key may not read must not spend a call each time.
     */
    private final Cache<CallKey, Refusal> refusals;

    private record Refusal(DomotzException answer, Instant until) {}
    private final Map<CallKey, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final UpstreamCalls calls;
    private final Budget budget;
    private final DomotzConfig config;
    /**
     * Background refreshes run on their own few threads, not the request pool: they wait for the
     * key's slots and for the cell, and must never hold threads people's requests need.
     */
    private final ExecutorService background;

    UpstreamCache(DomotzConfig config, UpstreamCalls calls, Budget budget, AnswerStore answers) {
        this.calls = calls;
        this.budget = budget;
        this.config = config;
        this.background = new ThreadPoolExecutor(config.concurrentAllowed(), config.concurrentAllowed(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000), runnable -> {
                    Thread thread = new Thread(runnable, "domotz-refresh");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        this.answers = answers;
        this.refusals = Caffeine.newBuilder().maximumSize(config.cacheMaxEntries())
                .expireAfterWrite(Duration.ofHours(1)).build();
    }

    <T> T read(DomotzTarget target, String operation, Duration ttl, Integer agentId, Integer deviceId,
               Supplier<T> upstream, Object... args) {
        return read(target, operation, ttl, agentId, deviceId, upstream, null, args);
    }

    /**
     * As {@link #read}, with a stand-in: when this exact answer is not there yet but the stand-in's
     * is (a history window five minutes earlier, when the page's window has just moved on), the
     * stand-in is served at once and the real answer fetched in the background.
     */
    @SuppressWarnings("unchecked")
    <T> T read(DomotzTarget target, String operation, Duration ttl, Integer agentId, Integer deviceId,
               Supplier<T> upstream, List<Object> standInArgs, Object... args) {
        budget.used(target);
        CallKey key = new CallKey(target.baseUrl().toString(), target.cacheScope(), operation, agentId, deviceId,
                Arrays.asList(args));
        Stamped stamped = answers.get(key);
        Duration fresh = budget.adapt(target, ttl);
        if (stamped == null && standInArgs != null) {
            Stamped standIn = answers.get(new CallKey(key.baseUrl(), key.scope(), operation, agentId, deviceId,
                    standInArgs));
            Duration window = fresh.plus(config.staleWhileRevalidate());
            if (standIn != null && Duration.between(standIn.fetchedAt(), Instant.now()).compareTo(window) < 0) {
                refreshInBackground(key, target, operation, upstream, fresh);
                noteAged(standIn.fetchedAt(), target);
                return (T) standIn.value();
            }
        }
        if (stamped != null) {
            Duration age = Duration.between(stamped.fetchedAt(), Instant.now());
            if (age.compareTo(fresh) < 0) {
                noteServed(stamped.fetchedAt());
                return (T) stamped.value();
            }
            if (age.compareTo(fresh.plus(config.staleWhileRevalidate())) < 0) {
                refreshInBackground(key, target, operation, upstream, fresh);
                noteAged(stamped.fetchedAt(), target);
                return (T) stamped.value();
            }
        }
        Refusal refused = refusals.getIfPresent(key);
        if (refused != null && Instant.now().isBefore(refused.until())) {
            throw refused.answer();
        }
        try {
            return (T) fetch(key, target, operation, upstream, fresh, false).join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof DomotzException.NotFound
                    || wrapped.getCause() instanceof DomotzException.AccessDenied) {
                refusals.put(key, new Refusal((DomotzException) wrapped.getCause(), Instant.now().plus(fresh)));
            }
            if (wrapped.getCause() instanceof DomotzException failure && servesStale(failure)) {
                Stamped lastGood = answers.get(key);
                if (lastGood != null) {
                    noteServed(lastGood.fetchedAt());
                    noteStale(lastGood.fetchedAt(), failure.explanation());
                    return (T) lastGood.value();
                }
            }
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw wrapped;
        }
    }

    /** The one call for {@code key}: started here, or the one already on its way. */
    private CompletableFuture<Object> fetch(CallKey key, DomotzTarget target, String operation, Supplier<?> upstream,
                                            Duration fresh, boolean background) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        try {
            mine.complete(callOnceAcrossInstances(key, target, operation, upstream, fresh, background));
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
        } finally {
            inFlight.remove(key, mine);
        }
        return mine;
    }

    /**
     * The upstream call itself, made by one instance of all that share the store: the one that
     * claims it calls and stores the answer; the others wait for that answer (or, if the caller
     * failed and let go, claim it themselves).
     */
    private Object callOnceAcrossInstances(CallKey key, DomotzTarget target, String operation, Supplier<?> upstream,
                                           Duration fresh, boolean background) {
        Duration claimFor = config.readTimeout().plus(config.queueTimeout()).plusSeconds(1);
        Instant giveUp = Instant.now().plus(claimFor);
        while (true) {
            if (answers.claim(key, claimFor)) {
                try {
                    // Another instance may have stored a fresh answer between our miss and our claim.
                    Stamped justStored = answers.get(key);
                    if (isFresh(justStored, fresh)) {
                        return justStored.value();
                    }
                    Object value = background ? calls.readInBackground(target, operation, upstream)
                            : calls.read(target, operation, upstream);
                    if (value != null) {
                        answers.put(key, new Stamped(value, Instant.now()));
                    }
                    return value;
                } finally {
                    answers.release(key);
                }
            }
            Stamped theirs = answers.get(key);
            if (isFresh(theirs, fresh)) {
                return theirs.value();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new DomotzException.Unavailable(0, "another Sitedeck instance's call for " + operation
                        + " did not finish in time", null);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new DomotzException.Unavailable(0, "interrupted while waiting for another instance", interrupted);
            }
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private static boolean isFresh(Stamped answer, Duration fresh) {
        return answer != null && Duration.between(answer.fetchedAt(), Instant.now()).compareTo(fresh) < 0;
    }

    private void refreshInBackground(CallKey key, DomotzTarget target, String operation, Supplier<?> upstream,
                                     Duration fresh) {
        if (inFlight.containsKey(key)) {
            return;
        }
        background.execute(() -> {
            try {
                fetch(key, target, operation, upstream, fresh, true).join();
            } catch (CompletionException ignored) {
                // The old answer stays; the next read tries again (backoff and circuit keep that cheap).
            }
        });
    }

    /** Quota and outages are passing: older data is better than none. A rejected key or a 404 is not. */
    private static boolean servesStale(DomotzException failure) {
        return failure instanceof DomotzException.QuotaExceeded || failure instanceof DomotzException.Unavailable;
    }

    /** An answer past its freshness, refreshing now: the page says how old, and why if the key is in trouble. */
    private void noteAged(Instant fetchedAt, DomotzTarget target) {
        Instant paused = calls.pausedUntil(target);
        noteServed(fetchedAt);
        if (paused != null) {
            noteStale(fetchedAt, "Domotz API quota reached; Sitedeck calls again after " + paused);
        } else if (calls.circuit(target) == CircuitBreaker.State.OPEN) {
            noteStale(fetchedAt, "Domotz is not answering; Sitedeck tries again shortly");
        } else if (Arc.container().requestContext().isActive()) {
            Arc.container().instance(Freshness.class).get().servedAged(fetchedAt);
        }
    }

    private static void noteServed(Instant fetchedAt) {
        if (Arc.container().requestContext().isActive()) {
            Arc.container().instance(Freshness.class).get().served(fetchedAt);
        }
    }

    private static void noteStale(Instant fetchedAt, String why) {
        if (Arc.container().requestContext().isActive()) {
            Arc.container().instance(Freshness.class).get().servedStale(fetchedAt, why);
        }
    }

    /** The cached answer of this read, whatever its age, without calling Domotz or counting a read. */
    <T> Optional<T> peek(DomotzTarget target, String operation, Integer agentId, Integer deviceId,
                                   Object... args) {
        Stamped stamped = answers.get(new CallKey(target.baseUrl().toString(), target.cacheScope(), operation, agentId,
                deviceId, Arrays.asList(args)));
        @SuppressWarnings("unchecked")
        T value = stamped == null ? null : (T) stamped.value();
        return Optional.ofNullable(value);
    }

    /** Every cached answer of one operation about the agent (device: null for any), whatever its age, without calling Domotz. */
    List<Object> values(DomotzTarget target, String operation, Integer agentId, Integer deviceId) {
        return answers.values(target.baseUrl().toString(), target.cacheScope(), operation, agentId, deviceId);
    }

    /** Rewrites the target's cached answers of one operation (see {@link AnswerStore#patch}). */
    void patch(DomotzTarget target, String operation, Integer agentId, Integer deviceId,
               UnaryOperator<Object> change) {
        answers.patch(target.baseUrl().toString(), target.cacheScope(), operation, agentId, deviceId, change);
    }

    /** Drops the cached reads of these operations about the agent (and device, when given) on the target's cell. */
    void invalidate(DomotzTarget target, int agentId, Integer deviceId, String... operations) {
        answers.invalidate(target.baseUrl().toString(), agentId, deviceId, Set.of(operations));
        refusals.asMap().keySet().removeIf(key -> Set.of(operations).contains(key.operation())
                && key.concerns(target.baseUrl().toString(), agentId, deviceId));
    }
}
