package io.sitedeck.notifications;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.PostgresProfile;

/** {@link NotificationsSecurityTest} on the real PostgreSQL of this machine. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresNotificationsSecurityTest extends NotificationsSecurityTest {
}
