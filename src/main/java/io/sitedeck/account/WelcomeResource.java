package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.audit.AuditLog;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Where a one-time link to join a tenant leads. Someone new chooses their password; someone who
 * already has an account on the install enters the password they have (throttled and audited like
 * sign-in), so the link alone opens nobody's account.
 */
@Path("/welcome/{token}")
@Produces(MediaType.TEXT_HTML)
public class WelcomeResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance welcome(String email, String tenantName, boolean known, String token,
                                               String problem);
    }

    private final SetupLinks links;
    private final AuditLog audit;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    WelcomeResource(SetupLinks links, AuditLog audit, Sessions sessions, LoginThrottle throttle) {
        this.links = links;
        this.audit = audit;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @GET
    @Transactional
    public TemplateInstance show(@PathParam("token") String token) {
        AppUser member = redeemable(token);
        return page(member, token, null);
    }

    @POST
    @Transactional
    public Object join(@PathParam("token") String token, @RestForm String password, @RestForm String confirmation,
                       HttpServerRequest http) {
        AppUser member = redeemable(token);
        Person person = member.person;
        if (person.awaitingSetup()) {
            String problem = Passwords.problemWith(password, confirmation);
            if (problem != null) {
                return Response.status(400).entity(page(member, token, problem)).build();
            }
            person.passwordHash = Passwords.hash(password);
            // A new password ends whatever session the old one opened, in every tenant of the person.
            person.memberships().forEach(sessions::end);
            links.joined(member);
            audit.record(member.tenantId, member.email, "member.password-set", member.email, "ok");
            return Response.seeOther(URI.create("/login?welcome")).build();
        }
        String ip = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        Instant now = clock.instant();
        Duration wait = throttle.waitBefore(person.email, ip, now);
        boolean right = Passwords.matches(password == null ? "" : password, person.passwordHash);
        if (!wait.isZero() || !right) {
            throttle.failed(person.email, ip, now);
            String why = wait.isZero() ? "failed: wrong password" : "refused: too many failures";
            audit.record(member.tenantId, member.email, "member.join", member.email, why);
            return Response.status(wait.isZero() ? 400 : 429).entity(page(member, token, wait.isZero()
                    ? "That is not the password of this account." : "Too many failures: try again in a minute."))
                    .build();
        }
        throttle.succeeded(person.email, ip);
        links.joined(member);
        audit.record(member.tenantId, member.email, "member.join", member.email, "ok: an existing account");
        return Response.seeOther(URI.create("/login?welcome")).build();
    }

    private AppUser redeemable(String token) {
        return links.redeemable(token).orElseThrow(() -> new NotFoundException("This link is not valid"));
    }

    private TemplateInstance page(AppUser member, String token, String problem) {
        String tenant = Tenant.<Tenant>findById(member.tenantId).name;
        return Templates.welcome(member.email, tenant, !member.person.awaitingSetup(), token, problem);
    }
}
