package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.shared.BadInput;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Members of the admin's tenant: add with a role (the new member gets a one-time link to join),
 * change roles, disable and enable. The tenant always keeps at least one enabled admin.
 */
@Path("/members")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class MembersResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance members(List<AppUser> members, List<Role> roles, Map<String, String> problems,
                                               String newEmail, String setupLink, String notice);
    }

    private final CurrentUser user;
    private final SetupLinks links;
    private final AuditLog audit;

    private final Sessions sessions;

    MembersResource(CurrentUser user, SetupLinks links, AuditLog audit, Sessions sessions) {
        this.user = user;
        this.links = links;
        this.audit = audit;
        this.sessions = sessions;
    }

    @GET
    public TemplateInstance list() {
        return page(Map.of(), "", null, null);
    }

    @POST
    @Transactional
    public Object add(@RestForm String email, @RestForm String role) {
        String clean = AppUser.normalise(email);
        Role chosen = role(role);
        if (!Emails.valid(clean)) {
            return Response.status(400).entity(page(Map.of("email", "Enter a valid email address."), clean, null, null))
                    .build();
        }
        Person existing = Person.byEmail(clean).orElse(null);
        if (existing != null && AppUser.inTenant(user.tenantId(), existing).isPresent()) {
            return Response.status(409).entity(page(Map.of("email", "This person is already a member."), clean, null,
                    null)).build();
        }
        // Whether the person is new to the install or not, the admin gets the same answer and a link.
        AppUser member = AppUser.invite(user.tenantId(), clean, chosen, clock.instant());
        String link = links.issue(member);
        record("member.add", member, "ok: role " + chosen);
        return page(Map.of(), "", link, "Added " + member.email + ". Give them this one-time link to join; "
                + "it is shown only now and works for 7 days.");
    }

    @POST
    @Path("{id}/role")
    @Transactional
    public Object changeRole(@PathParam("id") long id, @RestForm String role) {
        AppUser member = member(id);
        Role chosen = role(role);
        if (member.role == Role.ADMIN && chosen != Role.ADMIN && member.enabled && AppUser.activeAdmins(user.tenantId()) == 1) {
            return refuse(member, "member.role", "The last admin cannot stop being one: make someone else admin first.");
        }
        Role old = member.role;
        member.role = chosen;
        if (old != chosen) {
            // Open sessions and live streams end now, not at the member's next sign-in.
            sessions.end(member);
        }
        record("member.role", member, "ok: " + old + " → " + chosen);
        return Response.seeOther(URI.create("/members")).build();
    }

    @POST
    @Path("{id}/enabled")
    @Transactional
    public Object setEnabled(@PathParam("id") long id, @RestForm String enabled) {
        AppUser member = member(id);
        boolean enable = "true".equals(enabled);
        if (!enable && member.role == Role.ADMIN && member.enabled && AppUser.activeAdmins(user.tenantId()) == 1) {
            return refuse(member, "member.disable", "The last admin cannot be disabled.");
        }
        member.enabled = enable;
        if (!enable) {
            sessions.end(member);
        }
        record(enable ? "member.enable" : "member.disable", member, "ok");
        return Response.seeOther(URI.create("/members")).build();
    }

    /** A member of this tenant; another tenant's id is not found. */
    private AppUser member(long id) {
        return AppUser.inTenant(user.tenantId(), id).orElseThrow(NotFoundException::new);
    }

    private Response refuse(AppUser member, String action, String why) {
        record(action, member, "refused: " + why);
        return Response.status(409).entity(page(Map.of("member", why), "", null, null)).build();
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role == null ? "" : role.trim());
        } catch (IllegalArgumentException unknown) {
            throw new BadInput("Unknown role");
        }
    }

    private TemplateInstance page(Map<String, String> problems, String newEmail, String link, String notice) {
        return Templates.members(AppUser.members(user.tenantId()), List.of(Role.values()), problems, newEmail, link,
                notice);
    }

    private void record(String action, AppUser member, String outcome) {
        audit.record(user.tenantId(), user.email(), action, member.email, outcome);
    }
}
