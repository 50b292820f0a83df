package io.sitedeck.domotz;

import java.time.Duration;

/**
 * The concurrent-call slots of one API key. Unlike a Semaphore, the limit can be lowered (or
 * raised) while calls are in flight, when Domotz tells us the key's {@code concurrent_allowed}.
 */
final class KeySlots {

    private int limit;
    private int inFlight;

    KeySlots(int limit) {
        this.limit = limit;
    }

    /**
     * A slot, leaving {@code reserve} of them free for others: background refreshes never take the
     * last slots, so a person waiting for a page is never queued behind them.
     */
    synchronized boolean acquire(Duration timeout, int reserve) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight >= Math.max(1, limit - reserve)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        inFlight++;
        return true;
    }

    synchronized void release() {
        inFlight--;
        notifyAll();
    }

    synchronized void limitTo(int newLimit) {
        limit = Math.max(1, newLimit);
        notifyAll();
    }

    synchronized int limit() {
        return limit;
    }

}
