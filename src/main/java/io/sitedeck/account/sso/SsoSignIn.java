package io.sitedeck.account.sso;

import io.sitedeck.account.AppUser;
import io.sitedeck.account.Emails;
import io.sitedeck.account.Person;
import io.sitedeck.account.Role;
import io.sitedeck.account.SessionMember;
import io.sitedeck.account.Tenant;
import io.sitedeck.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a provider's verified ID token into a Sitedeck membership of the provider's tenant: the email
 * claim finds the person, the groups claim gives the role (first matching mapping wins, none means
 * no access), a person the tenant does not know becomes a member only when just-in-time creation is
 * on, and a member disabled in Sitedeck stays out whatever the provider says. Runs in the caller's
 * transaction; every outcome is audited in the tenant's log.
 */
@ApplicationScoped
class SsoSignIn {

    @Inject
    Clock clock;

    private final AuditLog audit;

    SsoSignIn(AuditLog audit) {
        this.audit = audit;
    }

    /** A refusal, with the sentence the person reads. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    SessionMember signIn(SsoProvider provider, JsonWebToken idToken, String clientIp) {
        Tenant tenant = Tenant.findById(provider.tenantId);
        String email = email(idToken).orElse(null);
        if (email == null) {
            throw refuse(provider, "(no email)", "refused: the provider sent no email",
                    "Your provider did not tell Sitedeck your email address; ask your administrator to add the email scope.", clientIp);
        }
        Optional<Role> role = RoleMappings.parse(provider.roleMappings).roleFor(groups(idToken, provider.groupsClaim));
        if (role.isEmpty()) {
            throw refuse(provider, email, "refused: no role mapping for the person's groups",
                    "Your groups at " + provider.displayName + " give no access to Sitedeck. Ask your administrator.", clientIp);
        }
        if (!tenant.enabled) {
            throw refuse(provider, email, "refused: disabled", "This organization is disabled on this Sitedeck.", clientIp);
        }
        Person person = Person.byEmail(email).orElse(null);
        AppUser member = person == null ? null : AppUser.inTenant(tenant.id, person).orElse(null);
        if (member == null) {
            if (!provider.createMembers) {
                throw refuse(provider, email, "refused: not a member",
                        "You are not a member of " + tenant.name + " on Sitedeck. Ask your administrator to add you.", clientIp);
            }
            member = AppUser.create(tenant.id, person != null ? person : Person.create(email, clock.instant()),
                    role.get(), clock.instant());
            member.joinedAt = clock.instant();
            audit.record(tenant.id, email, "member.add", email, "ok: role " + role.get() + ", created at single sign-on", clientIp);
        }
        if (!member.enabled) {
            throw refuse(provider, email, "refused: disabled",
                    "Your membership of " + tenant.name + " is disabled in Sitedeck.", clientIp);
        }
        if (member.joinedAt == null) {
            member.joinedAt = clock.instant(); // the provider vouches for the email the invitation was for
        }
        if (member.role != role.get()) {
            audit.record(tenant.id, email, "member.role", email, "ok: " + member.role + " → " + role.get()
                    + " (groups at the provider)", clientIp);
            member.role = role.get();
        }
        if (member.role == Role.ADMIN && provider.adminSignedInAt == null) {
            provider.adminSignedInAt = clock.instant();
        }
        audit.record(tenant.id, email, "sign-in", email, "ok: single sign-on", clientIp);
        return SessionMember.of(member, tenant, 1);
    }

    private Refused refuse(SsoProvider provider, String email, String outcome, String sentence, String clientIp) {
        audit.record(provider.tenantId, email, "sign-in", email, outcome + " (single sign-on)", clientIp);
        return new Refused(sentence);
    }

    /** The email claim, else a username that is an email (Entra ID's {@code preferred_username}, {@code upn}). */
    static Optional<String> email(JsonWebToken token) {
        for (String claim : List.of("email", "preferred_username", "upn")) {
            Object value = token.getClaim(claim);
            String text = value == null ? null : AppUser.normalise(value.toString().replace("\"", ""));
            if (Emails.valid(text)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The groups claim as strings: a JSON array, a collection, or one string. */
    static Collection<String> groups(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof jakarta.json.JsonArray array) {
            return array.stream().map(item -> item instanceof jakarta.json.JsonString s ? s.getString() : item.toString())
                    .toList();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(item -> item instanceof jakarta.json.JsonString s ? s.getString()
                    : String.valueOf(item)).toList();
        }
        if (value instanceof jakarta.json.JsonString string) {
            return List.of(string.getString());
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
