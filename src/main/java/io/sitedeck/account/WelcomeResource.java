package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.audit.AuditLog;
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
import org.jboss.resteasy.reactive.RestForm;

/** Where a new member's one-time link leads: they choose their password, then sign in. */
@Path("/welcome/{token}")
@Produces(MediaType.TEXT_HTML)
public class WelcomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance welcome(String email, String token, String problem);
    }

    private final SetupLinks links;
    private final AuditLog audit;
    private final Sessions sessions;

    WelcomeResource(SetupLinks links, AuditLog audit, Sessions sessions) {
        this.links = links;
        this.audit = audit;
        this.sessions = sessions;
    }

    @GET
    @Transactional
    public TemplateInstance show(@PathParam("token") String token) {
        AppUser member = links.redeemable(token).orElseThrow(() -> new NotFoundException("This link is not valid"));
        return Templates.welcome(member.email, token, null);
    }

    @POST
    @Transactional
    public Object setPassword(@PathParam("token") String token, @RestForm String password,
                              @RestForm String confirmation) {
        AppUser member = links.redeemable(token).orElseThrow(() -> new NotFoundException("This link is not valid"));
        String problem = Passwords.problemWith(password, confirmation);
        if (problem != null) {
            return Response.status(400).entity(Templates.welcome(member.email, token, problem)).build();
        }
        member.passwordHash = Passwords.hash(password);
        sessions.end(member); // a new password ends whatever session the old one opened
        member.setupTokenHash = null;
        member.setupExpiresAt = null;
        audit.record(member.tenantId, member.email, "member.password-set", member.email, "ok");
        return Response.seeOther(URI.create("/login?welcome")).build();
    }
}
