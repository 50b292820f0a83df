package io.sitedeck.operator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Person;
import io.sitedeck.account.Sessions;
import io.sitedeck.account.Tenant;
import io.sitedeck.account.factor.SecondFactors;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.shared.BadInput;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The install's operator page: every tenant with its counts, creating a tenant with its first admin,
 * renaming, disabling and enabling, naming other operators, and the operator log. For anyone who is
 * not an operator the page does not exist (404). Every action is recorded twice: in the operator
 * log (no tenant) and in the tenant's own audit log.
 */
@Path("/operator")
@Produces(MediaType.TEXT_HTML)
public class OperatorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance operator(List<TenantOverview> tenants, List<Person> operators,
                                                List<AuditEvent> log, Map<String, String> problems, String notice,
                                                String setupLink);
    }

    /** Notices after a redirect: fixed texts chosen by a code, never text from the URL. */
    private static final Map<String, String> NOTICES = Map.of(
            "renamed", "Renamed.", "disabled", "Disabled: its members are signed out and cannot sign in.",
            "enabled", "Enabled: its members can sign in again.", "operator", "Operators changed.",
            "factor", "Second factor reset: their next sign-in is by password alone (or leads to enrolment).");

    private final CurrentUser user;
    private final InstallTenants tenants;
    private final AuditLog audit;
    private final SecondFactors factors;
    private final Sessions sessions;

    OperatorResource(CurrentUser user, InstallTenants tenants, AuditLog audit, SecondFactors factors, Sessions sessions) {
        this.user = user;
        this.tenants = tenants;
        this.audit = audit;
        this.factors = factors;
        this.sessions = sessions;
    }

    @GET
    @Transactional
    public TemplateInstance show(@QueryParam("done") String done) {
        operatorOnly();
        return page(Map.of(), done == null ? null : NOTICES.get(done), null);
    }

    @POST
    @Path("tenants")
    @Transactional
    public Object create(@RestForm String name, @RestForm String adminEmail) {
        operatorOnly();
        return attempt("operator.tenant.create", name, () -> {
            InstallTenants.Created created = tenants.create(name, adminEmail);
            record(created.tenant(), "operator.tenant.create", created.tenant().name,
                    "ok: first admin " + created.admin().email);
            String notice = "Created " + created.tenant().name + " with " + created.admin().email + " as its admin. "
                    + "Give them this one-time link to join; it is shown only now and works for 7 days.";
            return page(Map.of(), notice, created.setupLink());
        });
    }

    @POST
    @Path("tenants/{id}/name")
    @Transactional
    public Object rename(@PathParam("id") long id, @RestForm String name) {
        operatorOnly();
        return attempt("operator.tenant.rename", name, () -> {
            String old = Tenant.<Tenant>findByIdOptional(id).map(tenant -> tenant.name).orElse("");
            Tenant tenant = tenants.rename(id, name);
            record(tenant, "operator.tenant.rename", tenant.name, "ok: was " + old);
            return Response.seeOther(URI.create("/operator?done=renamed")).build();
        });
    }

    @POST
    @Path("tenants/{id}/enabled")
    @Transactional
    public Object setEnabled(@PathParam("id") long id, @RestForm String enabled) {
        operatorOnly();
        boolean enable = "true".equals(enabled);
        String action = enable ? "operator.tenant.enable" : "operator.tenant.disable";
        return attempt(action, String.valueOf(id), () -> {
            Tenant tenant = tenants.setEnabled(id, enable);
            record(tenant, action, tenant.name, "ok");
            return Response.seeOther(URI.create("/operator?done=" + (enable ? "enabled" : "disabled"))).build();
        });
    }

    /** Names an operator among the people already on the install, or takes the flag back (never the last). */
    @POST
    @Path("operators")
    @Transactional
    public Object setOperator(@RestForm String email, @RestForm String operator) {
        operatorOnly();
        boolean grant = "true".equals(operator);
        String action = grant ? "operator.grant" : "operator.revoke";
        return attempt(action, email, () -> {
            Person person = Person.byEmail(email).orElseThrow(() ->
                    new BadInput("Nobody with this email has an account on this install."));
            if (!grant && person.operator && Person.operators() == 1) {
                throw new BadInput("The last operator cannot stop being one: name another operator first.");
            }
            person.operator = grant;
            // The flag is read on every request (SessionIdentityProvider): it applies at the person's next click.
            audit.record(null, user.email(), action, person.email, "ok");
            return Response.seeOther(URI.create("/operator?done=operator")).build();
        });
    }

    /**
     * Resets a person's second factor on the whole install (they lost their phone and belong to
     * several organizations, so no single tenant's admin may): sessions end everywhere; audited in the
     * operator log and in each of the person's tenants.
     */
    @POST
    @Path("second-factor/reset")
    @Transactional
    public Object resetSecondFactor(@RestForm String email) {
        operatorOnly();
        return attempt("operator.second-factor.reset", email, () -> {
            Person person = Person.byEmail(email).orElseThrow(() ->
                    new BadInput("Nobody with this email has an account on this install."));
            factors.reset(person);
            audit.record(null, user.email(), "operator.second-factor.reset", person.email, "ok");
            person.memberships().forEach(member -> {
                sessions.end(member);
                audit.record(member.tenantId, user.email(), "operator.second-factor.reset", person.email, "ok");
            });
            return Response.seeOther(URI.create("/operator?done=factor")).build();
        });
    }

    /** Runs an action, turning a refusal into the page with its reason (and an audit line in the operator log). */
    private Object attempt(String action, String target, Supplier<Object> work) {
        try {
            return work.get();
        } catch (BadInput | InstallTenants.NameTaken | InstallTenants.LockOut refused) {
            audit.record(null, user.email(), action, target, "refused: " + refused.getMessage());
            int status = refused instanceof BadInput ? 400 : 409;
            return Response.status(status).entity(page(Map.of("operator", refused.getMessage()), null, null)).build();
        }
    }

    private void record(Tenant tenant, String action, String target, String outcome) {
        audit.record(null, user.email(), action, target, outcome);
        audit.record(tenant.id, user.email(), action, target, outcome);
    }

    private TemplateInstance page(Map<String, String> problems, String notice, String setupLink) {
        List<AuditEvent> log = AuditEvent.<AuditEvent>find("tenantId is null and action like 'operator.%'"
                + " order by occurredAt desc, id desc").page(0, 50).list();
        return Templates.operator(TenantOverview.all(), Person.list("operator = true order by email"), log, problems,
                notice, setupLink);
    }

    /** Not an operator: the page does not exist for them. */
    private void operatorOnly() {
        if (!user.operator()) {
            throw new NotFoundException();
        }
    }
}
