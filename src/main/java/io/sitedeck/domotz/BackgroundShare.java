package io.sitedeck.domotz;

/**
 * How many calls background work (the fleet crawler) may still make with a key today: a share of
 * what the day's budget holds beyond what people are projected to need. Plain arithmetic, given
 * every figure (no clock, no beans), so the rule is unit-tested on its own.
 *
 * <p>People's need for the rest of the day is projected from their pace so far (their calls today
 * over the part of the day gone, at least 2% of it, as {@link BudgetController#pace} counts it).
 * The spare budget is what is left plus what the crawler itself spent today (it is measured as if
 * the crawler had not run, or its own spending would shrink its share), minus that projection. The
 * crawler's total for the day may reach {@code share} × spare; it never spends when the key has less
 * than a tenth of its daily limit left (a "budget low" day belongs to people).
 */
final class BackgroundShare {

    private BackgroundShare() {
    }

    /**
     * @param dailyLimit   the key's daily limit
     * @param left         calls left today (Domotz's figure with Sitedeck's own since)
     * @param peopleToday  calls Sitedeck made for people today (all calls minus the crawler's)
     * @param crawlerToday calls the crawler made today
     * @param dayGone      the part of the budget day gone, 0 … 1
     * @param share        the configured share of the spare budget, 0 … 1
     * @return calls the crawler may still make today (0 or more)
     */
    static int callsLeft(int dailyLimit, int left, int peopleToday, int crawlerToday, double dayGone, double share) {
        if (dailyLimit <= 0 || left * 10 < dailyLimit) {
            return 0;
        }
        double gone = Math.max(0.02, Math.min(1.0, dayGone));
        double peopleProjected = peopleToday / gone * (1.0 - Math.min(1.0, dayGone));
        double spare = left + crawlerToday - peopleProjected;
        double allowed = Math.max(0, Math.min(1.0, share)) * spare;
        return (int) Math.max(0, Math.floor(allowed) - crawlerToday);
    }
}
