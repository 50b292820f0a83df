package io.sitedeck.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.PostgresProfile;

/**
 * {@link TenantPersistenceTest} against the real PostgreSQL of this machine (127.0.0.1:5432,
 * database {@code sitedeck_test}, which .ci/run creates). Fails loudly when PostgreSQL is absent.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresPersistenceTest extends TenantPersistenceTest {
}
