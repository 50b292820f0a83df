package io.sitedeck.notifications;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.PostgresProfile;

/** {@link NotificationsTest} on the real PostgreSQL of this machine: the outbox's claims are conditional UPDATEs there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresNotificationsTest extends NotificationsTest {
}
