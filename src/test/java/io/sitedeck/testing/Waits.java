package io.sitedeck.testing;

import java.util.function.BooleanSupplier;

/** Waiting for what happens in the background (a webhook delivery, a refresh, a stream opening). */
public final class Waits {

    private Waits() {
    }

    /** Polls every 50 ms; fails naming {@code what} after 10 s. */
    public static void until(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
