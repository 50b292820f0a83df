package io.sitedeck.operator;

import io.sitedeck.account.AppUser;
import io.sitedeck.account.Emails;
import io.sitedeck.account.Role;
import io.sitedeck.account.Sessions;
import io.sitedeck.account.SetupLinks;
import io.sitedeck.account.Tenant;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.Missing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/**
 * What an operator does to the install's tenants: create one with its first admin, rename, disable
 * (its members' sessions and live streams end; nothing is deleted) and enable again. Callers run
 * it inside their transaction and audit it.
 */
@ApplicationScoped
class InstallTenants {

    @Inject
    Clock clock;

    private final SetupLinks links;
    private final Sessions sessions;

    InstallTenants(SetupLinks links, Sessions sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    /** The new tenant, its first admin and their one-time link to join. */
    record Created(Tenant tenant, AppUser admin, String setupLink) {}

    Created create(String name, String adminEmail) {
        String clean = name(name);
        String email = AppUser.normalise(adminEmail);
        if (!Emails.valid(email)) {
            throw new BadInput("Enter a valid email address for the first admin.");
        }
        if (Tenant.findByName(clean).isPresent()) {
            throw new NameTaken();
        }
        Tenant tenant = Tenant.create(clean, clock.instant());
        AppUser admin = AppUser.invite(tenant.id, email, Role.ADMIN, clock.instant());
        return new Created(tenant, admin, links.issue(admin));
    }

    Tenant rename(long id, String name) {
        String clean = name(name);
        Tenant tenant = tenant(id);
        Tenant.findByName(clean).filter(other -> !other.id.equals(tenant.id)).ifPresent(other -> {
            throw new NameTaken();
        });
        tenant.name = clean;
        return tenant;
    }

    /**
     * Disables or enables a tenant. Disabling ends every session in it at once; it is refused when no
     * operator could sign in afterwards (each would have no other enabled membership): no lock-out.
     */
    Tenant setEnabled(long id, boolean enabled) {
        Tenant tenant = tenant(id);
        if (!enabled && tenant.enabled && operatorsSigningInWithout(tenant) == 0) {
            throw new LockOut();
        }
        tenant.enabled = enabled;
        if (!enabled) {
            AppUser.members(tenant.id).forEach(sessions::end);
        }
        return tenant;
    }

    private static long operatorsSigningInWithout(Tenant tenant) {
        EntityManager em = Tenant.getEntityManager();
        return em.createQuery("select count(distinct p.id) from Person p, AppUser u, Tenant t"
                        + " where u.person = p and t.id = u.tenantId and p.operator = true and p.passwordHash is not null"
                        + " and u.enabled = true and t.enabled = true and t.id <> ?1", Long.class)
                .setParameter(1, tenant.id).getSingleResult();
    }

    private static Tenant tenant(long id) {
        return Tenant.<Tenant>findByIdOptional(id).orElseThrow(() -> new Missing("No such tenant"));
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new BadInput("Name the organization (1 to 120 characters).");
        }
        return clean;
    }

    /** Another tenant already has this name (names are unique on an install). */
    static final class NameTaken extends RuntimeException {
        NameTaken() {
            super("Another organization on this install already has this name.", null, false, false);
        }
    }

    /** Disabling would leave no operator able to sign in. */
    static final class LockOut extends RuntimeException {
        LockOut() {
            super("Disabling this organization would leave no operator able to sign in: name another operator "
                    + "who belongs to another organization first.", null, false, false);
        }
    }
}
