package io.sitedeck.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
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
 * A person's membership of one tenant: their role there, whether it is enabled, whether they joined.
 * Every tenant row that belongs to someone points at this id. The password is the {@link Person}'s;
 * a membership is joined by following its one-time link (see {@link SetupLinks}).
 */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", nullable = false)
    public Person person;

    /** The person's email, copied for lists and the audit log (a person's email never changes). */
    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public boolean enabled;

    /** A one-time link to join: someone new chooses their password, someone known enters theirs. */
    @Column(name = "setup_token_hash")
    public String setupTokenHash;

    @Column(name = "setup_expires_at")
    public Instant setupExpiresAt;

    /** When the person followed their link; until then the membership cannot be signed into. */
    @Column(name = "joined_at")
    public Instant joinedAt;

    /**
     * Moves on sign-out, password change, disabling and role change ({@link Sessions#end}): every
     * session cookie carries the epoch it was issued in and stops working once it differs.
     */
    @Column(name = "session_epoch", nullable = false)
    public int sessionEpoch;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static AppUser create(long tenantId, Person person, Role role, Instant now) {
        AppUser user = new AppUser();
        user.tenantId = tenantId;
        user.person = person;
        user.email = person.email;
        user.role = role;
        user.enabled = true;
        user.createdAt = now;
        user.persist();
        return user;
    }

    /**
     * A new membership for the email: of the person who already has an account on this install, or
     * of a new person. Either way they join by the one-time link ({@link SetupLinks}), so whoever
     * adds them learns nothing about other tenants.
     */
    public static AppUser invite(long tenantId, String email, Role role, Instant now) {
        Person person = Person.byEmail(email).orElseGet(() -> Person.create(email, now));
        return create(tenantId, person, role, now);
    }

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The person's membership of this tenant, if they have one. */
    public static Optional<AppUser> inTenant(long tenantId, Person person) {
        return find("tenantId = ?1 and person = ?2", tenantId, person).firstResultOptional();
    }

    /** A member of this tenant, or empty: ids of other tenants are simply not found. */
    public static Optional<AppUser> inTenant(long tenantId, long id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    public static List<AppUser> members(long tenantId) {
        return list("from AppUser u join fetch u.person where u.tenantId = ?1 order by u.email", tenantId);
    }

    public static long activeAdmins(long tenantId) {
        return count("tenantId = ?1 and role = ?2 and enabled = true", tenantId, Role.ADMIN);
    }

    /** Not joined yet: the one-time link has not been followed. */
    public boolean awaitingSetup() {
        return joinedAt == null;
    }
}
