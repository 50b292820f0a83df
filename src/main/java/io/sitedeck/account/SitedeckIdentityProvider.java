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
import java.time.Instant;

/**
 * Checks email and password at sign-in (form login): bcrypt, disabled members, account and IP
 * lock-outs, and an audit record for every attempt. Every failure looks the same to the person
 * signing in.
 */
@ApplicationScoped
public class SitedeckIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

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
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String ip = http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
        String email = AppUser.normalise(request.getUsername());
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> signIn(email, password, ip));
    }

    private SecurityIdentity signIn(String email, String password, String ip) {
        Instant now = Instant.now();
        if (throttle.ipLocked(ip, now)) {
            audit.record(null, email, "sign-in", email, "refused: too many failures from this address", ip);
            throw new AuthenticationFailedException();
        }
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> check(email, password, now));
        if (outcome.user == null) {
            throttle.ipFailed(ip, now);
            audit.record(outcome.tenantId, email, "sign-in", email, outcome.why, ip);
            throw new AuthenticationFailedException();
        }
        audit.record(outcome.tenantId, email, "sign-in", email, "ok", ip);
        return identity(outcome.user);
    }

    private record Outcome(AppUser user, Long tenantId, String why) {}

    private Outcome check(String email, String password, Instant now) {
        AppUser user = AppUser.byEmail(email).orElse(null);
        if (user == null) {
            Passwords.matches(password, DUMMY_HASH); // spend the same time as for a real account
            return new Outcome(null, null, "failed: unknown email");
        }
        if (user.lockedAt(now)) {
            return new Outcome(null, user.tenantId, "refused: account locked until " + user.lockedUntil);
        }
        if (!user.enabled || user.awaitingSetup()) {
            return new Outcome(null, user.tenantId, user.enabled ? "failed: set-up not finished" : "refused: disabled");
        }
        if (!Passwords.matches(password, user.passwordHash)) {
            boolean locked = throttle.accountFailed(user, now);
            return new Outcome(null, user.tenantId, locked
                    ? "failed: wrong password; account locked for " + LoginThrottle.LOCK.toMinutes() + " minutes"
                    : "failed: wrong password");
        }
        throttle.succeeded(user);
        return new Outcome(user, user.tenantId, "ok");
    }

    static SecurityIdentity identity(AppUser user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email))
                .addRole(user.role.name())
                .addAttribute(CurrentUser.USER_ID, user.id)
                .addAttribute(CurrentUser.TENANT_ID, user.tenantId)
                .build();
    }

    /** A valid bcrypt hash of a random string, so unknown emails cost as much as known ones. */
    private static final String DUMMY_HASH = Passwords.hash(java.util.UUID.randomUUID().toString());
}
