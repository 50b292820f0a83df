package io.sitedeck.domotz;

import io.sitedeck.domotz.model.ApiUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each key's daily budget as Sitedeck knows it — the last {@code /meta/usage} figures, minus the
 * calls Sitedeck made since — and how much longer answers stay fresh because of it: every TTL is
 * multiplied by the {@link BudgetController}'s factor (0.5 … 240; nothing known: 1×).
 * docs/architecture.md has the table.
 */
@ApplicationScoped
public class Budget {

    @Inject
    Clock clock;

    /** What {@code /meta/usage} said, when, and how many calls Sitedeck had made by then. */
    record Reading(Integer dailyLimit, Integer dailyUsage, Instant at, int sitedeckCallsThen) {}

    /** The budget of one key as a page shows it; fields are null when not known yet. */
    public record View(Integer dailyLimit, Integer used, Integer left, double ttlFactor, int sitedeckToday,
                       int crawlerToday, Instant readAt, Instant pausedUntil) {
        public boolean known() {
            return dailyLimit != null && left != null;
        }

        /** Less than a tenth of the day's budget left. */
        public boolean low() {
            return known() && dailyLimit > 0 && left * 10 < dailyLimit;
        }
    }

    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final UpstreamCalls calls;
    private final DomotzConfig config;

    private record Active(DomotzTarget target, Instant lastUsed) {}
    private final BudgetController controller;

    Budget(UpstreamCalls calls, DomotzConfig config) {
        this.controller = new BudgetController(config.minTtlFactor(), config.maxTtlFactor(), config.budgetDay());
        this.calls = calls;
        this.config = config;
    }

    void observed(DomotzTarget target, ApiUsage usage) {
        if (usage != null) {
            readings.put(target.fingerprint(), new Reading(usage.dailyLimit(), usage.dailyUsage(), clock.instant(),
                    calls.spentToday(target)));
        }
    }

    /** Remembers that the key is in use, so its usage is read now and then. */
    void used(DomotzTarget target) {
        active.put(target.fingerprint(), new Active(target, clock.instant()));
    }

    /** Keys used since {@code since}, whose reading is older than the refresh interval (or missing). */
    List<DomotzTarget> dueForReading(Instant since) {
        Instant stale = clock.instant().minus(config.usageRefresh());
        return active.values().stream().filter(a -> a.lastUsed().isAfter(since)).map(Active::target)
                .filter(t -> {
                    Reading r = readings.get(t.fingerprint());
                    return r == null || r.at().isBefore(stale);
                }).toList();
    }

    /** The key's budget as Sitedeck knows it now, with the factor last set for it (a read: it changes nothing). */
    public View view(DomotzTarget target) {
        Figures figures = figures(target);
        Instant paused = calls.pausedUntil(target);
        if (figures == null) {
            return new View(null, null, null, 1.0, calls.spentToday(target), calls.crawlerToday(target), null, paused);
        }
        double factor = controller.latest(target.fingerprint()).orElse(figures.pace());
        return new View(figures.reading().dailyLimit(), figures.used(), figures.left(), factor, figures.sitedeck(),
                calls.crawlerToday(target), figures.reading().at(), paused);
    }

    /**
     * Calls background work (the fleet crawler) may still make with the key today: {@code share} of
     * the budget people are not projected to need ({@link BackgroundShare}); none while the key is
     * paused after a 429 or its budget is not known yet.
     */
    public int backgroundCallsLeft(DomotzTarget target, double share) {
        Figures figures = figures(target);
        if (figures == null || calls.pausedUntil(target) != null) {
            return 0;
        }
        int crawler = calls.crawlerToday(target);
        long day = config.budgetDay().toMillis();
        double dayGone = Math.floorMod(clock.millis(), day) / (double) day;
        return BackgroundShare.callsLeft(figures.reading().dailyLimit(), figures.left(),
                Math.max(0, figures.sitedeck() - crawler), crawler, dayGone, share);
    }

    /** Whether today's figures of the key are known (a {@code /meta/usage} reading today). */
    public boolean knows(DomotzTarget target) {
        return figures(target) != null;
    }

    /**
     * The TTL of an answer for this key now. On the hot path (every cached read): between the
     * controller's updates it uses the factor in force, so it reads no counter (a Redis round
     * trip with several instances) and takes no lock.
     */
    Duration adapt(DomotzTarget target, Duration ttl) {
        double factor = factorNow(target);
        return factor == 1.0 ? ttl : Duration.ofMillis(Math.round(ttl.toMillis() * factor));
    }

    private double factorNow(DomotzTarget target) {
        if (today(target) == null) {
            return 1.0;
        }
        Instant now = clock.instant();
        OptionalDouble inForce = controller.inForce(target.fingerprint(), now);
        if (inForce.isPresent()) {
            return inForce.getAsDouble();
        }
        Figures figures = figures(target);
        return figures == null ? 1.0
                : controller.update(target.fingerprint(), figures.pace(), figures.left(), figures.sitedeck(), now);
    }

    /** Today's reading of the key, with Sitedeck's own calls since counted on top; null when not known. */
    private Figures figures(DomotzTarget target) {
        Reading reading = today(target);
        if (reading == null || reading.dailyLimit() == null || reading.dailyUsage() == null) {
            return null;
        }
        int sitedeck = calls.spentToday(target);
        int used = reading.dailyUsage() + Math.max(0, sitedeck - reading.sitedeckCallsThen());
        int left = Math.max(0, reading.dailyLimit() - used);
        return new Figures(reading, used, left, sitedeck, controller.pace(reading.dailyLimit(), left, clock.instant()));
    }

    private record Figures(Reading reading, int used, int left, int sitedeck, double pace) {}

    /** Domotz counts per day (UTC): yesterday's reading says nothing about today. */
    private Reading today(DomotzTarget target) {
        Reading reading = readings.get(target.fingerprint());
        long day = config.budgetDay().toMillis();
        return reading != null && reading.at().toEpochMilli() / day == clock.millis() / day ? reading : null;
    }
}
