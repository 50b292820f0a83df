package io.sitedeck.account.factor;

import io.sitedeck.account.AppUser;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Person;
import io.sitedeck.account.Role;
import io.sitedeck.account.Sessions;
import io.sitedeck.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An ADMIN resets a member's second factor (they lost their phone): the factor and recovery codes
 * are gone, the member's sessions end, and their next sign-in is by password (then enrolment, where
 * the tenant requires it). Only for someone who belongs to this tenant alone: a person who also
 * belongs to other organizations would lose their factor there too, on this admin's word.
 */
@Path("/members/{id}/second-factor/reset")
@RolesAllowed(Role.ADMIN_NAME)
public class FactorResetResource {

    private final CurrentUser user;
    private final SecondFactors factors;
    private final Sessions sessions;
    private final AuditLog audit;

    FactorResetResource(CurrentUser user, SecondFactors factors, Sessions sessions, AuditLog audit) {
        this.user = user;
        this.factors = factors;
        this.sessions = sessions;
        this.audit = audit;
    }

    @POST
    @Transactional
    public Response reset(@PathParam("id") long id) {
        AppUser member = AppUser.inTenant(user.tenantId(), id).orElseThrow(NotFoundException::new);
        Person person = member.person;
        if (person.memberships().size() > 1) {
            String why = "This person also belongs to other organizations on this Sitedeck; their second factor can be "
                    + "reset by the install's operator only (Operate this install → A lost second factor).";
            audit.record(user.tenantId(), user.email(), "second-factor.reset", member.email, "refused: " + why);
            return Response.status(409).type(MediaType.TEXT_PLAIN).entity(why).build();
        }
        factors.reset(person);
        sessions.end(member);
        audit.record(user.tenantId(), user.email(), "second-factor.reset", member.email, "ok");
        return Response.seeOther(URI.create("/members")).build();
    }
}
