package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.shared.Missing;
import io.vertx.ext.web.RoutingContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A person in several tenants chooses one after signing in and switches from the header. The
 * switch keeps the sign-in (its time still bounds the session) and moves the session cookie to the
 * person's membership of the chosen tenant; everything after it (pages, the live stream, exports)
 * follows because everything takes its tenant from the session.
 */
@Path("/tenants")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TenantChoiceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choose(List<Choice> tenants, boolean choosing);

        static native TemplateInstance menu(List<Choice> tenants);
    }

    /** A tenant the person can switch to; {@code current} marks the session's own. */
    @TemplateData
    public record Choice(long memberId, String tenantName, Role role, boolean current) {}

    private final CurrentUser user;
    private final SecurityIdentity identity;
    private final SessionCookies cookies;
    private final AuditLog audit;

    TenantChoiceResource(CurrentUser user, SecurityIdentity identity, SessionCookies cookies, AuditLog audit) {
        this.user = user;
        this.identity = identity;
        this.cookies = cookies;
        this.audit = audit;
    }

    @GET
    @Path("choose")
    @Transactional
    public TemplateInstance choose() {
        return Templates.choose(choices(), user.choosing());
    }

    /** The header's tenant menu, read when someone opens it. */
    @GET
    @Path("menu")
    @Transactional
    public TemplateInstance menu() {
        return Templates.menu(choices());
    }

    @POST
    @Path("switch")
    @Transactional
    public Response switchTo(@RestForm long member, RoutingContext http) {
        SessionMember chosen = usable().stream().filter(candidate -> candidate.id() == member).findFirst()
                .orElseThrow(() -> new Missing("You are not a member of that tenant, or it is disabled."));
        SessionToken token = SessionToken.parse(identity.getPrincipal().getName()).orElseThrow().movedTo(chosen);
        cookies.continueAs(token, http);
        audit.record(chosen.tenantId(), chosen.email(), "tenant.switch", chosen.tenantName(), "ok");
        return Response.seeOther(URI.create("/")).build();
    }

    /** The memberships this session may move to: a password session's (a single sign-on stays in its tenant). */
    private List<SessionMember> usable() {
        SessionToken token = SessionToken.parse(identity.getPrincipal().getName()).orElseThrow();
        return SessionMember.usableOf(Person.findById(user.personId())).stream().filter(token::admits).toList();
    }

    private List<Choice> choices() {
        boolean choosing = user.choosing();
        return usable().stream().map(member -> new Choice(member.id(), member.tenantName(), member.role(),
                !choosing && member.id() == user.id())).toList();
    }
}
