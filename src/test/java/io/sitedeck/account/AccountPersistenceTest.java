package io.sitedeck.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.testing.Accounts;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Users, connections and the audit log in the database: tenant-scoped finders, unique emails,
 * encryption round trips. {@link PostgresAccountPersistenceTest} runs the same on PostgreSQL.
 */
@QuarkusTest
class AccountPersistenceTest {

    @Inject
    KeyVault vault;

    @Inject
    AuditLog audit;

    @Test
    void findsMembersOnlyInTheirTenant() {
        Accounts.Member alice = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member bob = Accounts.tenantWith(Role.ADMIN);
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(AppUser.inTenant(alice.tenantId(), alice.userId()).isPresent());
            assertTrue(AppUser.inTenant(alice.tenantId(), bob.userId()).isEmpty());
            assertEquals(1, AppUser.members(bob.tenantId()).size());
            assertEquals(1L, AppUser.activeAdmins(alice.tenantId()));
        });
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        Accounts.Member alice = Accounts.tenantWith(Role.VIEWER);
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                Person.create(alice.email().toUpperCase(), Instant.now())));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Person.byEmail(" " + alice.email().toUpperCase()))
                .isPresent());
        // One membership per person and tenant.
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                AppUser.create(alice.tenantId(), Person.byEmail(alice.email()).orElseThrow(), Role.ADMIN,
                        Instant.now())));
    }

    @Test
    void storesKeysEncryptedAndReadsThemBack() {
        Accounts.Member member = Accounts.tenantWith(Role.TECHNICIAN);
        long id = Accounts.sandboxConnection(member, "Encrypted");
        DomotzConnection stored = QuarkusTransaction.requiringNew().call(() -> DomotzConnection.findById(id));
        assertNotEquals(Accounts.SANDBOX_KEY, stored.keyCiphertext);
        assertEquals(Accounts.SANDBOX_KEY, vault.decrypt(stored.keyCiphertext));
        assertNotEquals(vault.encrypt("same"), vault.encrypt("same"), "a fresh nonce every time");
    }

    @Test
    void appendsAuditRecordsPerTenant() {
        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        audit.record(member.tenantId(), member.email(), "test.action", "target", "ok", "127.0.0.1");
        audit.record(null, "stranger@nowhere.example", "sign-in", "x", "failed: unknown email", "127.0.0.1");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("tenantId = ?1 and action = 'test.action'", member.tenantId())));
    }
}
