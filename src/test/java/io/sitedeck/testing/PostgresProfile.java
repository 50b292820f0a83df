package io.sitedeck.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and runs the application for PostgreSQL, as the {@code postgres} Maven profile does,
 * against the machine's real server (see {@link PostgresDatabase}).
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                // A deployment, but the tests still need the sandbox and a session key.
                "sitedeck.sandbox.enabled", "true",
                "quarkus.http.auth.session.encryption-key", "postgres-profile-session-key-of-32-characters-or-more",
                // Start every run from an empty schema, so the migrations are tested from scratch.
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false",
                // The "test-postgres" profile does not inherit "%test" keys: what the fleet tests need of them.
                "sitedeck.fleet.crawl-every", "off",
                "sitedeck.sandbox.keys.zfleetd.daily-limit", "40"));
        // Nor does it inherit "%test"'s simulator switch: without this the sandbox changed devices on its own
        // (about two a minute) and sent their webhooks to every tenant in the middle of other tests.
        overrides.put("sitedeck.sandbox.simulator.events-per-minute", "0");
        overrides.put("sitedeck.sandbox.keys.reportteam.value", "sandbox-report-team-key");
        overrides.put("sitedeck.sandbox.keys.reportteam.user", "reportteam");
        for (char k = 'a'; k <= 'h'; k++) {
            overrides.put("sitedeck.sandbox.keys.zfleet" + k + ".value", "sandbox-fleet-" + k + "-key");
            overrides.put("sitedeck.sandbox.keys.zfleet" + k + ".user", "zfleet" + k);
        }
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresDatabase.class));
    }

    @Override
    public String getConfigProfile() {
        return "test-postgres";
    }
}
