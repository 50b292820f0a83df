package io.sitedeck.domotz;

import java.time.Duration;
import java.time.Instant;

/**
 * One per Domotz cell (base URL): after {@code threshold} failures in a row (5xx, timeouts,
 * refused connections) calls fail fast for {@code openFor}, so a dead cell costs no waiting and
 * pages serve cached data at once. Then one trial call is let through: success closes the
 * circuit, failure opens it again.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private int failures;
    private Instant openUntil;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = Math.max(1, threshold);
        this.openFor = openFor;
    }

    /** Whether a call may go now; in the half-open state only one trial at a time. */
    synchronized boolean allow(Instant now) {
        if (openUntil == null) {
            return true;
        }
        if (now.isBefore(openUntil) || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    synchronized void succeeded() {
        failures = 0;
        openUntil = null;
        trialInFlight = false;
    }

    synchronized void failed(Instant now) {
        failures++;
        if (trialInFlight || failures >= threshold) {
            openUntil = now.plus(openFor);
        }
        trialInFlight = false;
    }

    /** A call that ended without saying anything about the cell (the caller gave up): frees the trial. */
    synchronized void abandoned() {
        trialInFlight = false;
    }

    synchronized State state(Instant now) {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return now.isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
    }

    synchronized Instant openUntil() {
        return openUntil;
    }
}
