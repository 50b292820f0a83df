package io.sitedeck.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The real PostgreSQL for tests: 127.0.0.1:5432, user postgres (trust auth), database
 * {@code sitedeck_test}, created when missing. Host, port and user move with SITEDECK_TEST_PG_HOST,
 * _PORT and _USER. When no server answers, the tests fail and say so; they never pass silently.
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "sitedeck_test";

    private static volatile TcpProxy proxy;

    /** The relay between the application and PostgreSQL, for tests that take the database away. */
    public static TcpProxy relay() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        String host = env("SITEDECK_TEST_PG_HOST", "127.0.0.1");
        String port = env("SITEDECK_TEST_PG_PORT", "5432");
        String user = env("SITEDECK_TEST_PG_USER", "postgres");
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
             Statement sql = admin.createStatement()) {
            try (ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    sql.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException unreachable) {
            throw new IllegalStateException("These tests need the real PostgreSQL at " + host + ":" + port
                    + " (user " + user + ", trust auth); start it as .ci/run does. " + unreachable.getMessage(),
                    unreachable);
        }
        try {
            proxy = new TcpProxy(Integer.parseInt(port));
        } catch (java.io.IOException failed) {
            throw new IllegalStateException("Could not open the loopback relay to PostgreSQL", failed);
        }
        // Through a relay the outage test can cut (DatabaseOutageTest); otherwise a plain connection.
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DATABASE,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // The database stays; every run cleans its schema at start.
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (java.io.IOException ignored) {
            // closing anyway
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
