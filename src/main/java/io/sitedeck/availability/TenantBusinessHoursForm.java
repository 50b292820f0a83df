package io.sitedeck.availability;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The tenant's usual business hours, for every site without its own (issue #18): admins only, audited. */
@Path("/reports/business-hours")
public class TenantBusinessHoursForm {

    private final CurrentUser user;
    private final AuditLog audit;

    TenantBusinessHoursForm(CurrentUser user, AuditLog audit) {
        this.user = user;
        this.audit = audit;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response set(@RestForm List<String> days, @RestForm String opens, @RestForm String closes,
                        @RestForm String clear) {
        BusinessHoursForm.save(user, audit, SiteBusinessHours.TENANT_WIDE, days, opens, closes, clear);
        return Response.seeOther(URI.create("/reports/settings")).build();
    }
}
