package io.sitedeck.domotz;

import io.sitedeck.domotz.model.ApiUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each key's daily budget as Sitedeck knows it — the last {@code /meta/usage} figures, minus the
 * calls Sitedeck made since — and how much longer answers stay fresh because of it.
 *
 * <p>Adaptive freshness: with {@code r} the share of the daily limit still left and {@code t} the
 * share of the UTC day still to come, every TTL is multiplied by {@code t / r}, kept within
 * [{@code min-ttl-factor}, {@code max-ttl-factor}]. On pace ({@code r = t}) TTLs are as
 * configured; half the budget gone by 6:00 ({@code r = 0.5, t = 0.75}) makes them 1.5×; 10% left
 * at noon makes them 5×; plenty left late in the day shortens them. Nothing known: 1×.
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
        return new View(reading.dailyLimit(), used, left, factor(reading.dailyLimit(), left, Instant.now()), sitedeck,
                reading.at(), paused);
    }

    /** The TTL of an answer for this key now. */
    Duration adapt(DomotzTarget target, Duration ttl) {
        double factor = view(target).ttlFactor();
        return factor == 1.0 ? ttl : Duration.ofMillis(Math.round(ttl.toMillis() * factor));
    }

    double factor(int dailyLimit, int left, Instant now) {
        if (dailyLimit <= 0) {
            return 1.0;
        }
        double r = (double) left / dailyLimit;
        long secondsLeft = Duration.between(now, LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC)).toSeconds();
        double t = Math.max(1, secondsLeft) / 86_400.0;
        double raw = r <= 0 ? config.maxTtlFactor() : t / r;
        return Math.max(config.minTtlFactor(), Math.min(config.maxTtlFactor(), raw));
    }

    /** Domotz counts per UTC day: yesterday's reading says nothing about today. */
    private Reading today(DomotzTarget target) {
        Reading reading = readings.get(target.fingerprint());
        return reading != null && reading.at().atZone(ZoneOffset.UTC).toLocalDate()
                .equals(LocalDate.now(ZoneOffset.UTC)) ? reading : null;
    }
}
