package io.sitedeck.account.factor;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitedeck.account.CurrentUser;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A signed-in person's passkeys: adding one (a second factor, and a way to sign in without the
 * password), and giving one as the second factor after the password. The browser side is
 * {@code js/passkeys.js}; answers are JSON ({@code next} to go on, or {@code problem}).
 */
@Path("/second-factor/passkey")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PasskeyResource {

    @Inject
    Clock clock;

    private final CurrentUser user;
    private final SecurityIdentity identity;
    private final Passkeys passkeys;
    private final LoginThrottle throttle;
    private final SessionCookies cookies;
    private final AuditLog audit;

    PasskeyResource(CurrentUser user, SecurityIdentity identity, Passkeys passkeys, LoginThrottle throttle,
                    SessionCookies cookies, AuditLog audit) {
        this.user = user;
        this.identity = identity;
        this.passkeys = passkeys;
        this.throttle = throttle;
        this.cookies = cookies;
        this.audit = audit;
    }

    @POST
    @Path("register-options")
    @Transactional
    public Map<String, Object> registrationOptions(RoutingContext http) {
        return passkeys.registrationOptions(Person.findById(user.personId()), site(http));
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(String response, @QueryParam("name") String name, RoutingContext http) {
        try {
            Passkey added = passkeys.register(Person.findById(user.personId()), response, site(http), name);
            audit.record(user.tenantId(), user.email(), "second-factor.enrol", user.email(), "ok: passkey " + added.name);
            return Response.ok(Map.of("next", "/second-factor/enrol")).build();
        } catch (Passkeys.Refused refused) {
            audit.record(user.tenantId(), user.email(), "second-factor.enrol", user.email(), "failed: passkey not checked");
            return Response.status(400).entity(Map.of("problem", refused.getMessage())).build();
        }
    }

    @POST
    @Path("options")
    @Transactional
    public Map<String, Object> assertionOptions(RoutingContext http) {
        return passkeys.assertionOptions(user.personId(), Passkeys.FACTOR, site(http));
    }

    /** The passkey as the second factor: the session goes on as if the code had been typed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response give(String response, RoutingContext http) {
        if (!user.factorPending()) {
            return Response.ok(Map.of("next", "/")).build();
        }
        String ip = address(http);
        Instant now = clock.instant();
        Duration wait = throttle.waitBefore(user.email(), ip, now);
        try {
            if (!wait.isZero()) {
                throw new Passkeys.Refused("Too many failures: wait a minute, then try again.");
            }
            passkeys.assertion(response, site(http), Passkeys.FACTOR, user.personId());
        } catch (Passkeys.Refused refused) {
            throttle.failed(user.email(), ip, now);
            audit.record(user.tenantId(), user.email(), "second-factor", user.email(), "failed: passkey");
            return Response.status(400).entity(Map.of("problem", refused.getMessage())).build();
        }
        throttle.succeeded(user.email(), ip);
        audit.record(user.tenantId(), user.email(), "second-factor", user.email(), "ok: passkey");
        SessionToken token = SessionToken.parse(identity.getPrincipal().getName()).orElseThrow().factorGiven();
        cookies.issue(SitedeckIdentityProvider.identity(SessionMember.byId(user.id()), token), http);
        return Response.ok(Map.of("next", "/")).build();
    }

    /** The console's origin as the browser sees it, and its host as the relying party. */
    static Passkeys.Site site(RoutingContext http) {
        String host = http.request().getHeader("Host");
        String origin = http.request().scheme() + "://" + host;
        return new Passkeys.Site(origin, java.net.URI.create(origin).getHost());
    }

    static String address(RoutingContext http) {
        return http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().hostAddress();
    }
}
