package io.sitedeck.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The embedded Domotz sandbox. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.sandbox")
public interface SandboxConfig {

    /** Serve the sandbox API under /public-api/v1. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Answer callers on other machines too. Off by default: with its well-known keys, anyone who
     * reaches the port could change the shared world and spend its quota. The console calls it
     * over the loopback, so it needs no remote access.
     */
    @WithDefault("false")
    boolean remoteAccess();

    /**
     * The longest history window one request may ask for (a longer one is answered 400, as a real
     * cell answers an absurd window): it bounds the size of every history answer.
     */
    @WithDefault("92d")
    Duration maxHistoryWindow();

    /** Seed of the deterministic world: the same seed gives the same agents, devices and histories. */
    @WithDefault("42")
    long seed();

    /** Size of the generated world. */
    World world();

    /** Calls a key may make in 24 hours before it gets 429 (Domotz's {@code daily_limit}). */
    @WithDefault("1000")
    int dailyLimit();

    /** Calls a key may have in flight at once before it gets 429 ({@code concurrent_allowed}). */
    @WithDefault("5")
    int concurrentAllowed();

    /** Delay added to every answer, to behave like a distant cell (0 = answer at once). */
    @WithDefault("0ms")
    Duration latency();

    /**
     * The length of one of the 24 buckets of the rolling daily window. Only a benchmark that
     * compresses a working day into minutes changes it (bench/working-day.sh).
     */
    @WithDefault("1h")
    Duration hourLength();

    /** How long submitted device credentials stay PENDING before they are judged. */
    @WithDefault("3s")
    Duration credentialsCheckDelay();

    /** Where the sandbox sends webhook events, and how hard it tries. */
    Webhooks webhooks();

    /** Background changes that make the sandbox world feel alive (and raise webhook events). */
    Simulator simulator();

    /**
     * The API keys the sandbox accepts, by name: {@code sitedeck.sandbox.keys.<name>.value=...}.
     * Each key may override the limits above and name the Domotz user it belongs to.
     */
    Map<String, Key> keys();

    interface World {
        /** Number of agents (customer sites). */
        @WithDefault("12")
        int agents();

        /** Number of Domotz teams the agents are spread over. */
        @WithDefault("3")
        int teams();

        /** Fewest devices of an agent. */
        @WithDefault("15")
        int minDevices();

        /** Most devices of an agent (at most 999). */
        @WithDefault("80")
        int maxDevices();
    }

    interface Webhooks {
        /**
         * The webhook URL of every alert profile. Unset: in the embedded default, each team that
         * has a connection to the embedded sandbox gets the events at its own webhook URL.
         */
        Optional<String> target();

        /** A URL for one profile, overriding {@code target}: {@code sitedeck.sandbox.webhooks.profiles."3"=https://...}. */
        Map<String, String> profiles();

        /** Attempts per event and URL before it is given up (a non-2xx answer or no answer fails). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubles before each further one. */
        @WithDefault("2s")
        Duration firstRetry();
    }

    interface Simulator {
        /** Changes per minute: status flaps, RTD and speed issues, IP changes, discoveries (0 = off). */
        @WithDefault("2")
        double eventsPerMinute();
    }

    interface Key {
        /** The key itself, as clients send it in X-Api-Key. */
        String value();

        /** The Domotz user the key belongs to; keys of one user share usage figures. */
        @WithDefault("msp")
        String user();

        /** Overrides the sandbox's daily limit for this key. */
        Optional<Integer> dailyLimit();

        /** Overrides the sandbox's concurrent-call limit for this key. */
        Optional<Integer> concurrentAllowed();

        /** Overrides the sandbox's latency for this key. */
        Optional<Duration> latency();

        /**
         * Agents only this key's Domotz user sees, besides the shared world (in a real account,
         * users see different agents). Generated after the shared ones, so the shared world stays
         * the same; tests give a class agents no other class can change.
         */
        @WithDefault("0")
        int ownAgents();
    }
}
