package io.sitedeck.account.factor;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.LoginThrottle;
import io.sitedeck.account.Person;
import io.sitedeck.account.SessionCookies;
import io.sitedeck.account.SessionToken;
import io.sitedeck.audit.AuditLog;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one way a second factor is given after the password, whatever its kind (app code, recovery
 * code, passkey): throttled like passwords, every outcome audited, and on success the session goes
 * on with its cookie rewritten as factor-given.
 */
@ApplicationScoped
class FactorGate {

    @Inject
    Clock clock;

    private final CurrentUser user;
    private final SecurityIdentity identity;
    private final LoginThrottle throttle;
    private final SessionCookies cookies;
    private final SecondFactors factors;
    private final AuditLog audit;

    FactorGate(CurrentUser user, SecurityIdentity identity, LoginThrottle throttle, SessionCookies cookies,
               SecondFactors factors, AuditLog audit) {
        this.user = user;
        this.identity = identity;
        this.throttle = throttle;
        this.cookies = cookies;
        this.factors = factors;
        this.audit = audit;
    }

    /** Empty when the factor was right (the session now goes on); otherwise what to tell the person. */
    Optional<String> attempt(RoutingContext http, String kind, Predicate<Person> check) {
        String ip = http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().hostAddress();
        Instant now = clock.instant();
        Duration wait = throttle.waitBefore(user.email(), ip, now);
        Person person = Person.findById(user.personId());
        if (!wait.isZero() || !check.test(person)) {
            throttle.failed(user.email(), ip, now);
            audit.record(user.tenantId(), user.email(), "second-factor", user.email(),
                    wait.isZero() ? "failed: wrong " + kind : "refused: too many failures");
            return Optional.of(wait.isZero() ? "That " + kind + " did not work."
                    : "Too many failures: wait a minute, then try again.");
        }
        throttle.succeeded(user.email(), ip);
        audit.record(user.tenantId(), user.email(), "second-factor", user.email(), kind.equals("recovery code")
                ? "ok: recovery code (" + factors.recoveryCodesLeft(person) + " left)" : "ok: " + kind);
        cookies.continueAs(SessionToken.parse(identity.getPrincipal().getName()).orElseThrow().factorGiven(), http);
        return Optional.empty();
    }
}
