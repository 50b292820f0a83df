package io.sitedeck.domotz;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adaptive freshness's arithmetic, with no clock and no beans (every method is given "now"):
 * the factor every TTL of a key is multiplied by, between {@code min} and {@code max}, as the
 * larger of
 * <ul>
 *   <li>the whole-day pace ({@link #pace}): {@code (u / e) / (r / t)} with {@code u}, {@code r} the
 *       shares of the daily limit used and left and {@code e}, {@code t} the shares of the budget day
 *       gone and to come (on pace: 1×; half gone by 6:00: 3×; 90% gone by noon: 9×);</li>
 *   <li>a controller over the last minutes ({@link #update}): the factor moves until the calls made
 *       now are what the rest of the day affords.</li>
 * </ul>
 */
final class BudgetController {

    /** One key's state: the factor in force, when it was set, and the call count then. */
    private static final class Control {
        // Written under the lock, read without it on the hot path (a slightly old factor is fine).
        volatile double factor = 1.0;
        volatile long setAt;
        long countThen;
    }

    private final double minFactor;
    private final double maxFactor;
    private final long dayMillis;
    private final Map<String, Control> controls = new ConcurrentHashMap<>();

    BudgetController(double minFactor, double maxFactor, Duration budgetDay) {
        this.minFactor = minFactor;
        this.maxFactor = maxFactor;
        this.dayMillis = budgetDay.toMillis();
    }

    /** The whole-day pace factor of a key with {@code left} of {@code dailyLimit} calls left at {@code now}. */
    double pace(int dailyLimit, int left, Instant now) {
        if (dailyLimit <= 0) {
            return 1.0;
        }
        double r = Math.max(0.001, (double) left / dailyLimit);
        double e = Math.floorMod(now.toEpochMilli(), dayMillis) / (double) dayMillis;
        double t = Math.max(0.001, 1 - e);
        double u = 1 - r;
        // How much faster than sustainable the key is spending: today's pace so far (u / e) over the
        // pace the rest of the day allows (r / t). Early in the day e is tiny: count at least 2% of it.
        double raw = left <= 0 ? maxFactor : (u / Math.max(0.02, e)) * (t / r);
        return clamp(raw);
    }

    /** The controller's window: 1/288 of the budget day (5 min of a real day). */
    long window() {
        return Math.max(1_000, dayMillis / 288);
    }

    /** How often the controller looks again: ten times a window. */
    private long updateEvery() {
        return window() / 10;
    }

    /** The factor set for the key less than an update interval ago; empty when it is due for an update. */
    OptionalDouble inForce(String key, Instant now) {
        Control control = controls.get(key);
        return control != null && control.setAt != 0 && now.toEpochMilli() - control.setAt < updateEvery()
                ? OptionalDouble.of(control.factor) : OptionalDouble.empty();
    }

    /** The last factor set for the key, however old; empty if none was. */
    OptionalDouble latest(String key) {
        Control control = controls.get(key);
        return control == null || control.setAt == 0 ? OptionalDouble.empty() : OptionalDouble.of(control.factor);
    }

    /**
     * Updates the key's factor, at most ten times per window: spending since the last update
     * ({@code count} is the key's calls so far today), made at the factor in force, is compared with
     * what the {@code left} calls afford until the day ends, and the factor moves half-way (in ratio)
     * towards what would make it affordable — so it settles where spending is affordable. It never
     * goes below {@code pace}, rises at once, and falls at most by half every five windows, so a
     * burst just calmed is not invited back.
     */
    double update(String key, double pace, int left, int count, Instant now) {
        long at = now.toEpochMilli();
        Control control = controls.computeIfAbsent(key, k -> new Control());
        synchronized (control) {
            if (control.setAt != 0 && at - control.setAt < updateEvery()) {
                return control.factor;
            }
            double span = control.setAt == 0 ? 0 : (at - control.setAt) / 1000.0;
            double rate = span <= 0 ? 0 : Math.max(0, count - control.countThen) / span;
            double affordable = left / Math.max(1.0, (dayMillis - Math.floorMod(at, dayMillis)) / 1000.0);
            // Half a step (in ratio) each time: it gets there in a few updates without overshooting.
            double wanted = left <= 0 ? maxFactor : control.factor * Math.sqrt(rate / Math.max(affordable, 1e-9));
            double floor = control.setAt == 0 ? 0
                    : control.factor * Math.pow(0.5, (at - control.setAt) / (5.0 * window()));
            control.factor = clamp(Math.max(pace, Math.max(wanted, floor)));
            control.setAt = at;
            control.countThen = count;
            return control.factor;
        }
    }

    private double clamp(double factor) {
        return Math.max(minFactor, Math.min(maxFactor, factor));
    }
}
