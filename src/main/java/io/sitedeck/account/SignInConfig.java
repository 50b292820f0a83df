package io.sitedeck.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in, sessions and first-run set-up. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.sign-in")
public interface SignInConfig {

    /** The longest a session lasts from sign-in, however active (the idle timeout is quarkus.http.auth.form.timeout). */
    @WithDefault("12h")
    Duration sessionLifetime();

    /**
     * The one-time token of the first-run set-up link; generated at every start while nobody has
     * an account unless given here (for automated installs).
     */
    Optional<String> setupToken();

    /** Growing delays after failed sign-ins (see LoginThrottle). */
    Throttle throttle();

    interface Throttle {
        /** Failures for one email (from anywhere) before each further attempt waits. */
        @WithDefault("10")
        int emailFreeFailures();

        /** The longest wait for one email: short, so a stranger cannot keep its owner out for long. */
        @WithDefault("1m")
        Duration emailMaxDelay();

        /** Failures for one email from one address before each further attempt from there waits. */
        @WithDefault("5")
        int pairFreeFailures();

        /** The longest wait for one email from one address. */
        @WithDefault("15m")
        Duration pairMaxDelay();

        /** Failures from one address (any emails) before each further attempt from there waits. */
        @WithDefault("20")
        int addressFreeFailures();

        /** The longest wait for one address (behind an untrusted proxy everyone shares one: keep it short). */
        @WithDefault("1m")
        Duration addressMaxDelay();

        /** A counter with no failure for this long is forgotten. */
        @WithDefault("1h")
        Duration forgetAfter();
    }
}
