package io.sitedeck.domotz;

import io.sitedeck.domotz.model.ApiUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each key's daily budget as Sitedeck knows it — the last {@code /meta/usage} figures, minus the
 * calls Sitedeck made since — and how much longer answers stay fresh because of it.
 *
 * <p>Adaptive freshness: every TTL is multiplied by a factor (0.5 … 240) that is the larger of
 * <ul>
 *   <li>the whole-day pace, {@code (u / e) / (r / t)} with {@code u}, {@code r} the shares of the
 *       daily limit used and left and {@code e}, {@code t} the shares of the budget day gone and to
 *       come (on pace: 1×; half gone by 6:00: 3×; 90% gone by noon: 9×);</li>
 *   <li>a controller over the last minutes ({@link #controlled}): the factor moves until the
 *       calls Sitedeck makes now are what the rest of the day affords.</li>
 * </ul>
 * Nothing known: 1×. docs/architecture.md has the table.
 */
@ApplicationScoped
public class Budget {

    /** What {@code /meta/usage} said, when, and how many calls Sitedeck had made by then. */
    record Reading(Integer dailyLimit, Integer dailyUsage, Instant at, int sitedeckCallsThen) {}

    /** The budget of one key as a page shows it; fields are null when not known yet. */
    public record View(Integer dailyLimit, Integer used, Integer left, double ttlFactor, int sitedeckToday,
                       Instant readAt, Instant pausedUntil) {
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

    Budget(UpstreamCalls calls, DomotzConfig config) {
        this.calls = calls;
        this.config = config;
    }

    void observed(DomotzTarget target, ApiUsage usage) {
        if (usage != null) {
            readings.put(target.fingerprint(), new Reading(usage.dailyLimit(), usage.dailyUsage(), Instant.now(),
                    calls.spentToday(target)));
        }
    }

    /** Remembers that the key is in use, so its usage is read now and then. */
    void used(DomotzTarget target) {
        active.put(target.fingerprint(), new Active(target, Instant.now()));
    }

    /** Keys used since {@code since}, whose reading is older than the refresh interval (or missing). */
    List<DomotzTarget> dueForReading(Instant since) {
        Instant stale = Instant.now().minus(config.usageRefresh());
        return active.values().stream().filter(a -> a.lastUsed().isAfter(since)).map(Active::target)
                .filter(t -> {
                    Reading r = readings.get(t.fingerprint());
                    return r == null || r.at().isBefore(stale);
                }).toList();
    }

    public View view(DomotzTarget target) {
        Reading reading = today(target);
        int sitedeck = calls.spentToday(target);
        Instant paused = calls.pausedUntil(target);
        if (reading == null || reading.dailyLimit() == null || reading.dailyUsage() == null) {
            return new View(null, null, null, 1.0, sitedeck, null, paused);
        }
        int used = reading.dailyUsage() + Math.max(0, sitedeck - reading.sitedeckCallsThen());
        int left = Math.max(0, reading.dailyLimit() - used);
        Instant now = Instant.now();
        double factor = controlled(target.fingerprint(), factor(reading.dailyLimit(), left, now), left, sitedeck, now);
        return new View(reading.dailyLimit(), used, left, factor, sitedeck, reading.at(), paused);
    }

    private double factorNow(DomotzTarget target) {
        if (today(target) == null) {
            return 1.0;
        }
        Control control = controls.get(target.fingerprint());
        if (control != null && System.currentTimeMillis() - control.setAt < updateEvery()) {
            return control.factor;
        }
        return view(target).ttlFactor();
    }

    /** The controller's window: 1/288 of the budget day (5 min of a real day). */
    private long window() {
        return Math.max(1_000, config.budgetDay().toMillis() / 288);
    }

    /** How often the controller looks again: ten times a window. */
    private long updateEvery() {
        return window() / 10;
    }

    /** The controller's state for one key: the factor in force, when it was set, recent call counts. */
    private static final class Control {
        // Written under the lock, read without it on the hot path (a slightly old factor is fine).
        volatile double factor = 1.0;
        volatile long setAt;
        final java.util.ArrayDeque<long[]> counts = new java.util.ArrayDeque<>();
    }

    private final Map<String, Control> controls = new ConcurrentHashMap<>();

    /**
     * The factor in force for a key, updated at most ten times per window (1/288 of the budget
     * day: 5 min of a real day). Spending since the last update, made at the factor in force, is
     * compared with what the rest of the day affords, and the factor moves half-way (in ratio)
     * towards what would make it affordable — so it settles where spending is affordable. It never goes below the whole-day pace factor, rises
     * at once, and falls at most by half every five windows, so a burst just calmed is not invited back.
     */
    double controlled(String key, double pace, int left, int count, Instant now) {
        long window = window();
        long at = now.toEpochMilli();
        Control control = controls.computeIfAbsent(key, k -> new Control());
        synchronized (control) {
            if (control.setAt != 0 && at - control.setAt < updateEvery()) {
                return control.factor;
            }
            // Spending since the last update: made at the factor now in force.
            long[] previous = control.counts.peekLast();
            control.counts.clear();
            control.counts.addLast(new long[] {at, count});
            double span = previous == null ? 0 : (at - previous[0]) / 1000.0;
            double rate = span <= 0 ? 0 : Math.max(0, count - previous[1]) / span;
            long day = config.budgetDay().toMillis();
            double affordable = left / Math.max(1.0, (day - Math.floorMod(at, day)) / 1000.0);
            // Half a step (in ratio) each time: it gets there in a few updates without overshooting.
            double wanted = left <= 0 ? config.maxTtlFactor()
                    : control.factor * Math.sqrt(rate / Math.max(affordable, 1e-9));
            double floor = control.setAt == 0 ? 0
                    : control.factor * Math.pow(0.5, (at - control.setAt) / (5.0 * window));
            control.factor = Math.max(config.minTtlFactor(), Math.min(config.maxTtlFactor(),
                    Math.max(pace, Math.max(wanted, floor))));
            control.setAt = at;
            return control.factor;
        }
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

    double factor(int dailyLimit, int left, Instant now) {
        if (dailyLimit <= 0) {
            return 1.0;
        }
        double r = Math.max(0.001, (double) left / dailyLimit);
        long day = config.budgetDay().toMillis();
        double e = Math.floorMod(now.toEpochMilli(), day) / (double) day;
        double t = Math.max(0.001, 1 - e);
        double u = 1 - r;
        // How much faster than sustainable the key is spending: today's pace so far (u / e) over the
        // pace the rest of the day allows (r / t). Early in the day e is tiny: count at least 2% of it.
        double raw = left <= 0 ? config.maxTtlFactor() : (u / Math.max(0.02, e)) * (t / r);
        return Math.max(config.minTtlFactor(), Math.min(config.maxTtlFactor(), raw));
    }

    /** Domotz counts per day (UTC): yesterday's reading says nothing about today. */
    private Reading today(DomotzTarget target) {
        Reading reading = readings.get(target.fingerprint());
        long day = config.budgetDay().toMillis();
        return reading != null && reading.at().toEpochMilli() / day == System.currentTimeMillis() / day ? reading : null;
    }
}
