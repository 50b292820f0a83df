package io.sitedeck.domotz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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

    @Inject
    Clock clock;

    /** An answer (held as {@code Object}, read back typed by its {@link Operation}) and when Domotz sent it. */
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
    private final FreshnessListener freshness;
    private final FreshnessSpread spread;

    UpstreamCache(DomotzConfig config, UpstreamCalls calls, Budget budget, AnswerStore answers,
                  FreshnessListener freshness) {
        this.freshness = freshness;
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
        this.spread = new FreshnessSpread(config.freshnessSpread());
        this.refusals = Caffeine.newBuilder().maximumSize(config.cacheMaxEntries())
                .expireAfterWrite(Duration.ofHours(1)).build();
    }

    /**
     * The answer of one read: fresh from the store, aged (served at once, refreshed in the
     * background), or fetched now; with a stand-in ({@link Read#standingIn}), the stand-in's answer
     * is served at once while this one is fetched in the background.
     */
    <T> T read(DomotzTarget target, Read<T> read, Supplier<T> upstream) {
        budget.used(target);
        CallKey key = read.key(target);
        Operation<T> typed = read.operation();
        String operation = typed.name();
        Stamped stamped = answers.get(key);
        Duration fresh = budget.adapt(target, read.ttl());
        if (stamped == null && read.standInArgs() != null) {
            CallKey standInKey = read.standInKey(target);
            Stamped standIn = answers.get(standInKey);
            if (standIn != null && ageOf(standIn).compareTo(
                    freshFor(standIn, standInKey, fresh).plus(config.staleWhileRevalidate())) < 0) {
                refreshInBackground(key, target, operation, upstream, fresh);
                noteAged(standIn.fetchedAt(), target);
                return typed.cast(standIn.value());
            }
        }
        if (stamped != null) {
            Duration age = ageOf(stamped);
            Duration freshFor = freshFor(stamped, key, fresh);
            if (age.compareTo(freshFor) < 0) {
                freshness.served(stamped.fetchedAt());
                return typed.cast(stamped.value());
            }
            if (age.compareTo(freshFor.plus(config.staleWhileRevalidate())) < 0) {
                refreshInBackground(key, target, operation, upstream, fresh);
                noteAged(stamped.fetchedAt(), target);
                return typed.cast(stamped.value());
            }
        }
        Refusal refused = refusals.getIfPresent(key);
        if (refused != null && clock.instant().isBefore(refused.until())) {
            throw refused.answer();
        }
        try {
            return typed.cast(fetch(key, target, operation, upstream, fresh, false).join());
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof DomotzException.NotFound
                    || wrapped.getCause() instanceof DomotzException.AccessDenied) {
                refusals.put(key, new Refusal((DomotzException) wrapped.getCause(), clock.instant().plus(fresh)));
            }
            if (wrapped.getCause() instanceof DomotzException failure && servesStale(failure)) {
                Stamped lastGood = answers.get(key);
                if (lastGood != null) {
                    freshness.served(lastGood.fetchedAt());
                    freshness.servedStale(lastGood.fetchedAt(), failure.explanation());
                    return typed.cast(lastGood.value());
                }
            }
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw wrapped;
        }
    }

    /**
     * A read for the fleet crawler: the stored answer while it is fresh (no call), else one call that
     * never takes the key's last slots and counts as the crawler's, stored only when {@code keep}:
     * the crawler reads every site's device list, and keeping each in memory as well as in the index
     * would fill the heap (100,000 devices) with answers no page asked for; small answers (the sites,
     * the type catalogue) are kept, so the crawler's next round and pages do not ask again.
     */
    <T> Crawled<T> crawl(DomotzTarget target, Read<T> read, Supplier<T> upstream, boolean keep) {
        CallKey key = read.key(target);
        Operation<T> typed = read.operation();
        Stamped stamped = answers.get(key);
        if (isFresh(stamped, key, budget.adapt(target, read.ttl()))) {
            return new Crawled<>(typed.cast(stamped.value()), stamped.fetchedAt(), false);
        }
        T value = typed.cast(calls.readForCrawler(target, typed.name(), upstream));
        Instant at = clock.instant();
        if (keep && value != null) {
            answers.put(key, new Stamped(value, at));
        }
        return new Crawled<>(value, at, true);
    }

    private Duration ageOf(Stamped answer) {
        return Duration.between(answer.fetchedAt(), clock.instant());
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
        Instant giveUp = clock.instant().plus(claimFor);
        while (true) {
            if (answers.claim(key, claimFor)) {
                try {
                    // Another instance may have stored a fresh answer between our miss and our claim.
                    Stamped justStored = answers.get(key);
                    if (isFresh(justStored, key, fresh)) {
                        return justStored.value();
                    }
                    Object value = background ? calls.readInBackground(target, operation, upstream)
                            : calls.read(target, operation, upstream);
                    if (value != null) {
                        answers.put(key, new Stamped(value, clock.instant()));
                    }
                    return value;
                } finally {
                    answers.release(key);
                }
            }
            Stamped theirs = answers.get(key);
            if (isFresh(theirs, key, fresh)) {
                return theirs.value();
            }
            if (clock.instant().isAfter(giveUp)) {
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

    private boolean isFresh(Stamped answer, CallKey key, Duration fresh) {
        return answer != null && ageOf(answer).compareTo(freshFor(answer, key, fresh)) < 0;
    }

    private Duration freshFor(Stamped answer, CallKey key, Duration fresh) {
        return spread.freshFor(fresh, key, answer.fetchedAt());
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
        freshness.served(fetchedAt);
        if (paused != null) {
            freshness.servedStale(fetchedAt, "Domotz API quota reached; Sitedeck calls again after " + paused);
        } else if (calls.circuit(target) == CircuitBreaker.State.OPEN) {
            freshness.servedStale(fetchedAt, "Domotz is not answering; Sitedeck tries again shortly");
        } else {
            freshness.servedAged(fetchedAt);
        }
    }

    /** Whether a fresh answer of this read is stored (one a read would serve without calling Domotz). */
    boolean fresh(DomotzTarget target, Read<?> read) {
        CallKey key = read.key(target);
        return isFresh(answers.get(key), key, budget.adapt(target, read.ttl()));
    }

    /** The cached answer of this read, whatever its age, without calling Domotz or counting a read. */
    <T> Optional<T> peek(DomotzTarget target, Operation<T> operation, Integer agentId, Integer deviceId,
                         Object... args) {
        Stamped stamped = answers.get(Read.of(operation, Duration.ZERO, agentId, deviceId, args).key(target));
        return stamped == null ? Optional.empty() : Optional.of(operation.cast(stamped.value()));
    }

    /** Every cached answer of one operation about the agent (device: null for any), whatever its age, without calling Domotz. */
    <T> List<T> values(DomotzTarget target, Operation<T> operation, Integer agentId, Integer deviceId) {
        return answers.values(target.baseUrl().toString(), target.cacheScope(), operation.name(), agentId, deviceId)
                .stream().map(operation::cast).toList();
    }

    /** Rewrites the target's cached answers of one operation (see {@link AnswerStore#patch}). */
    <T> void patch(DomotzTarget target, Operation<T> operation, Integer agentId, Integer deviceId,
                   UnaryOperator<T> change) {
        answers.patch(target.baseUrl().toString(), target.cacheScope(), operation.name(), agentId, deviceId,
                answer -> change.apply(operation.cast(answer)));
    }

    /** Drops the cached reads of these operations about the agent (and device, when given) on the target's cell. */
    void invalidate(DomotzTarget target, int agentId, Integer deviceId, Set<Operation<?>> operations) {
        Set<String> names = operations.stream().map(Operation::name).collect(Collectors.toSet());
        answers.invalidate(target.baseUrl().toString(), agentId, deviceId, names);
        refusals.asMap().keySet().removeIf(key -> names.contains(key.operation())
                && key.concerns(target.baseUrl().toString(), agentId, deviceId));
    }
}
