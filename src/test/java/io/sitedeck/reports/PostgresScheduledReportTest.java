package io.sitedeck.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.PostgresProfile;

/** {@link ScheduledReportTest} on the real PostgreSQL of this machine: the claims are conditional UPDATEs there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresScheduledReportTest extends ScheduledReportTest {
}
