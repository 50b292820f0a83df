package io.sitedeck.account.factor;

import io.sitedeck.account.LoginThrottle;
import io.sitedeck.account.Person;
import io.sitedeck.account.SessionCookies;
import io.sitedeck.account.SessionMember;
import io.sitedeck.account.SessionToken;
import io.sitedeck.account.SitedeckIdentityProvider;
import io.sitedeck.audit.AuditLog;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signing in with a passkey instead of the password: the authenticator picks the person's passkey
 * (and verifies the user with a PIN or biometrics), so it stands for both factors. The memberships
 * it opens are those a password opens (a tenant that signs in only through its provider stays closed).
 */
@Path("/sign-in/passkey")
@Produces(MediaType.APPLICATION_JSON)
public class PasskeySignInResource {

    /** The throttle's "email" for passkey sign-ins, which start without one: counted per address. */
    private static final String ANONYMOUS = "(passkey)";

    @Inject
    Clock clock;

    private final Passkeys passkeys;
    private final LoginThrottle throttle;
    private final SessionCookies cookies;
    private final AuditLog audit;

    PasskeySignInResource(Passkeys passkeys, LoginThrottle throttle, SessionCookies cookies, AuditLog audit) {
        this.passkeys = passkeys;
        this.throttle = throttle;
        this.cookies = cookies;
        this.audit = audit;
    }

    @POST
    @Path("options")
    @Transactional
    public Map<String, Object> options(RoutingContext http) {
        return passkeys.assertionOptions(null, Passkeys.SIGN_IN, PasskeyResource.site(http));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response signIn(String response, RoutingContext http) {
        String ip = PasskeyResource.address(http);
        Instant now = clock.instant();
        Duration wait = throttle.waitBefore(ANONYMOUS, ip, now);
        Person person;
        try {
            if (!wait.isZero()) {
                throw new Passkeys.Refused("Too many failures: wait a minute, then try again.");
            }
            person = passkeys.assertion(response, PasskeyResource.site(http), Passkeys.SIGN_IN, null);
        } catch (Passkeys.Refused refused) {
            throttle.failed(ANONYMOUS, ip, now);
            audit.record(null, ANONYMOUS, "sign-in", null, "failed: passkey not accepted", ip);
            return Response.status(400).entity(Map.of("problem", refused.getMessage())).build();
        }
        List<SessionMember> usable = SessionMember.usableOf(person);
        if (usable.isEmpty()) {
            audit.record(null, person.email, "sign-in", person.email, "refused: disabled (passkey)", ip);
            return Response.status(403).entity(Map.of("problem", "Your account cannot sign in here now.")).build();
        }
        throttle.succeeded(ANONYMOUS, ip);
        SessionMember member = usable.get(0);
        audit.record(member.tenantId(), person.email, "sign-in", person.email, "ok: passkey", ip);
        SessionToken token = SessionToken.issue(member, now, usable.size() > 1, false);
        cookies.issue(SitedeckIdentityProvider.identity(member, token), http);
        return Response.ok(Map.of("next", "/")).build();
    }
}
