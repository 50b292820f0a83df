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
import java.util.Optional;

/** An organization using Sitedeck (often one MSP); everything local belongs to exactly one. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** An operator can disable a tenant: its members cannot sign in; nothing is deleted. */
    @Column(nullable = false)
    public boolean enabled = true;

    /** Off once the tenant signs in with its single sign-on only (never before SSO signed an admin in). */
    @Column(name = "password_sign_in", nullable = false)
    public boolean passwordSignIn = true;

    /** Who must have a second factor to sign in with a password. */
    @Enumerated(EnumType.STRING)
    @Column(name = "second_factor", nullable = false)
    public SecondFactorPolicy secondFactor = SecondFactorPolicy.OFF;

    public static Tenant create(String name, Instant now) {
        Tenant tenant = new Tenant();
        tenant.name = name.trim();
        tenant.createdAt = now;
        tenant.enabled = true;
        tenant.persist();
        return tenant;
    }

    public static Optional<Tenant> findByName(String name) {
        return find("name", name.trim()).firstResultOptional();
    }
}
