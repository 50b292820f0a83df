package io.sitedeck.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Someone who signs in: one email, one password, whatever tenants they are a member of
 * ({@link AppUser} is the membership). The {@link #operator} flag is the install's, not a tenant
 * role: an operator creates and disables tenants but reads no tenant's data unless a member of it.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(nullable = false)
    public boolean operator;

    /** Has a second factor (an authenticator app); then every password sign-in asks for it. */
    @Column(name = "second_factor", nullable = false)
    public boolean secondFactor;

    /** The TOTP secret, sealed by the key vault; {@code totpPendingSealed} while enrolment awaits its first code. */
    @Column(name = "totp_sealed")
    public String totpSealed;

    @Column(name = "totp_pending_sealed")
    public String totpPendingSealed;

    /** The last TOTP time step accepted: a code is good once, and never an older one. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Person create(String email, Instant now) {
        Person person = new Person();
        person.email = AppUser.normalise(email);
        person.createdAt = now;
        person.persist();
        return person;
    }

    public static Optional<Person> byEmail(String email) {
        return find("email", AppUser.normalise(email)).firstResultOptional();
    }

    /** The person's memberships, tenant by tenant name, enabled or not. */
    public List<AppUser> memberships() {
        return AppUser.list("select u from AppUser u, Tenant t where t.id = u.tenantId and u.person.id = ?1 order by t.name",
                id);
    }

    public static long operators() {
        return count("operator", true);
    }

    public boolean awaitingSetup() {
        return passwordHash == null;
    }
}
