package io.sitedeck.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person who signs in, member of exactly one tenant. A new member has no password until they
 * follow their one-time set-up link.
 */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "setup_token_hash")
    public String setupTokenHash;

    @Column(name = "setup_expires_at")
    public Instant setupExpiresAt;

    /**
     * Moves on sign-out, password change, disabling and role change ({@link Sessions#end}): every
     * session cookie carries the epoch it was issued in and stops working once it differs.
     */
    @Column(name = "session_epoch", nullable = false)
    public int sessionEpoch;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static AppUser create(long tenantId, String email, Role role, Instant now) {
        AppUser user = new AppUser();
        user.tenantId = tenantId;
        user.email = normalise(email);
        user.role = role;
        user.enabled = true;
        user.createdAt = now;
        user.persist();
        return user;
    }

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<AppUser> byEmail(String email) {
        return find("email", normalise(email)).firstResultOptional();
    }

    /** A member of this tenant, or empty: ids of other tenants are simply not found. */
    public static Optional<AppUser> inTenant(long tenantId, long id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    public static List<AppUser> members(long tenantId) {
        return list("tenantId = ?1 order by email", tenantId);
    }

    public static long activeAdmins(long tenantId) {
        return count("tenantId = ?1 and role = ?2 and enabled = true", tenantId, Role.ADMIN);
    }

    public boolean awaitingSetup() {
        return passwordHash == null;
    }
}
