package io.sitedeck.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.PostgresProfile;

/** {@link AccountPersistenceTest} on the real PostgreSQL (shares the PostgreSQL application start). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresAccountPersistenceTest extends AccountPersistenceTest {
}
