package io.sitedeck.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Flyway migrations and the mapping of local data, on the embedded H2. {@link PostgresPersistenceTest}
 * runs the same tests against the real PostgreSQL.
 */
@QuarkusTest
class TenantPersistenceTest {

    @Test
    void storesAndFindsATenant() {
        String name = "Acme MSP " + UUID.randomUUID();
        Long id = QuarkusTransaction.requiringNew().call(() -> Tenant.create("  " + name + " ", Instant.now()).id);

        Tenant found = QuarkusTransaction.requiringNew().call(() -> Tenant.findByName(name).orElseThrow());
        assertEquals(id, found.id);
        assertEquals(name, found.name, "names are stored trimmed");
        assertTrue(found.createdAt != null);
    }

    @Test
    void refusesTwoTenantsWithOneName() {
        String name = "Twin MSP " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Tenant.create(name, Instant.now()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> Tenant.create(name, Instant.now())));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Tenant.count("name", name)));
    }
}
