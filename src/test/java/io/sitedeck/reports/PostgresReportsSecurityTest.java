package io.sitedeck.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.PostgresProfile;

/** {@link ReportsSecurityTest} on the real PostgreSQL of this machine (stored PDFs and logos are BYTEA there). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresReportsSecurityTest extends ReportsSecurityTest {
}
