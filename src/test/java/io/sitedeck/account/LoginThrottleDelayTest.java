package io.sitedeck.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 13, item 5: growing delays instead of a lock — free failures, then 1 s doubling up to a cap. */
class LoginThrottleDelayTest {

    @Test
    void nothingWhileFreeThenDoublingUpToTheCap() {
        Duration cap = Duration.ofMinutes(1);
        assertEquals(Duration.ZERO, LoginThrottle.delay(5, 5, cap));
        assertEquals(Duration.ofSeconds(1), LoginThrottle.delay(6, 5, cap));
        assertEquals(Duration.ofSeconds(2), LoginThrottle.delay(7, 5, cap));
        assertEquals(Duration.ofSeconds(32), LoginThrottle.delay(11, 5, cap));
        assertEquals(cap, LoginThrottle.delay(12, 5, cap));
        assertEquals(cap, LoginThrottle.delay(10_000, 5, cap), "never more than the cap, however many failures");
    }
}
