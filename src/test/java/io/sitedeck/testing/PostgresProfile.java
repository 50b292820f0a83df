package io.sitedeck.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Builds and runs the application for PostgreSQL, as the {@code postgres} Maven profile does,
 * against the local server. The URL can be moved with SITEDECK_TEST_PG_URL.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", System.getenv().getOrDefault("SITEDECK_TEST_PG_URL",
                        "jdbc:postgresql://127.0.0.1:5432/sitedeck_test"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                // Start every run from an empty schema, so the migrations are tested from scratch.
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false");
    }

    @Override
    public String getConfigProfile() {
        return "test-postgres";
    }
}
