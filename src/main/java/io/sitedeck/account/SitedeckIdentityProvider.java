package io.sitedeck.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.sitedeck.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks email and password at sign-in (form login): bcrypt, disabled and pending members, growing
 * delays after failures ({@link LoginThrottle}), and an audit record for every attempt. Every
 * failure looks the same to the person signing in and costs the same: exactly one bcrypt check,
 * whether the email is unknown, disabled, pending, waiting or simply wrong.
 */
@ApplicationScoped
public class SitedeckIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    Clock clock;

    private final LoginThrottle throttle;
    private final AuditLog audit;

    SitedeckIdentityProvider(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        // The address as Quarkus resolved it: forwarded headers count only from quarkus.http.proxy.trusted-proxies.
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String ip = http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
        String email = AppUser.normalise(request.getUsername());
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> signIn(email, password, ip));
    }

    private SecurityIdentity signIn(String email, String password, String ip) {
        Instant now = clock.instant();
        Duration wait = throttle.waitBefore(email, ip, now);
        if (!wait.isZero()) {
            // Counted like any failure: hammering during a wait only makes the next wait longer (up to the cap).
            Passwords.matches(password, DUMMY_HASH);
            throttle.failed(email, ip, now);
            audit.record(null, email, "sign-in", email, "refused: too many failures, next attempt in "
                    + Math.max(1, wait.toSeconds()) + " s", ip);
            throw new AuthenticationFailedException();
        }
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> check(email, password));
        if (outcome.member == null) {
            throttle.failed(email, ip, now);
            outcome.tenantIds.forEach(tenantId -> audit.record(tenantId, email, "sign-in", email, outcome.why, ip));
            if (outcome.tenantIds.isEmpty()) {
                audit.record(null, email, "sign-in", email, outcome.why, ip);
            }
            throw new AuthenticationFailedException();
        }
        throttle.succeeded(email, ip);
        audit.record(outcome.member.tenantId(), email, "sign-in", email, "ok", ip);
        // Someone with a second factor gives it before anything else (SignInStepsFilter).
        return identity(outcome.member, SessionToken.issue(outcome.member, now, outcome.member.usableMemberships() > 1,
                outcome.member.hasSecondFactor()));
    }

    /** The membership signed into (null on failure) and the tenants whose audit log records a failure. */
    private record Outcome(SessionMember member, List<Long> tenantIds, String why) {}

    private Outcome check(String email, String password) {
        Person person = Person.byEmail(email).orElse(null);
        if (person == null || person.awaitingSetup()) {
            Passwords.matches(password, DUMMY_HASH);
            return new Outcome(null, person == null ? List.of() : tenantsOf(person),
                    person == null ? "failed: unknown email" : "failed: set-up not finished");
        }
        if (!Passwords.matches(password, person.passwordHash)) {
            return new Outcome(null, tenantsOf(person), "failed: wrong password");
        }
        // With several tenants the session opens the first and asks the person to choose (TenantChoiceResource).
        return SessionMember.usableOf(person).stream().findFirst()
                .map(member -> new Outcome(member, List.of(member.tenantId()), "ok"))
                .orElseGet(() -> new Outcome(null, tenantsOf(person), person.memberships().stream()
                        .anyMatch(member -> member.enabled && !Tenant.<Tenant>findById(member.tenantId).passwordSignIn)
                        ? "refused: signs in with single sign-on only" : "refused: disabled"));
    }

    private static List<Long> tenantsOf(Person person) {
        return person.memberships().stream().map(member -> member.tenantId).toList();
    }

    /** The identity of a session: the token is the principal's name (what the cookie keeps); the rest are attributes. */
    public static SecurityIdentity identity(SessionMember member, SessionToken token) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(token.text()))
                .addRole(member.role().name())
                .addAttribute(CurrentUser.USER_ID, member.id())
                .addAttribute(CurrentUser.PERSON_ID, member.personId())
                .addAttribute(CurrentUser.TENANT_ID, member.tenantId())
                .addAttribute(CurrentUser.TENANT_NAME, member.tenantName())
                .addAttribute(CurrentUser.EMAIL, member.email())
                .addAttribute(CurrentUser.SESSION_EPOCH, member.sessionEpoch())
                .addAttribute(CurrentUser.OPERATOR, member.operator())
                // A single sign-on opens its own tenant only: nothing to switch to.
                .addAttribute(CurrentUser.MEMBERSHIPS, token.ssoTenant() > 0 ? 1 : member.usableMemberships())
                .addAttribute(CurrentUser.CHOOSING, token.choosing())
                .addAttribute(CurrentUser.FACTOR_PENDING, token.factorPending())
                // A single sign-on leaves second factors to the provider.
                .addAttribute(CurrentUser.MUST_ENROL, token.ssoTenant() == 0 && member.mustEnrol())
                .build();
    }

    /**
     * A valid bcrypt hash (cost 12, as {@link Passwords} makes them) of a random string nobody kept,
     * so unknown emails cost as much as known ones. Made once, not at start-up: hashing it when
     * the class loaded cost every start a few hundred milliseconds of CPU (bench/startup.sh).
     */
    static final String DUMMY_HASH = "$2a$12$c/FZkl0oqwQIiQIDlfnXKO2abrrZgqamF1dIFtEibsrgNj1Wjb872";
}
