package io.sitedeck.availability;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.PostgresProfile;

/** {@link MaintenanceWindowsTest} on the real PostgreSQL of this machine; fails loudly when it is absent. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresMaintenanceWindowsTest extends MaintenanceWindowsTest {
}
