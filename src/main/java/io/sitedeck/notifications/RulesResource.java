package io.sitedeck.notifications;

import io.sitedeck.account.Role;
import io.sitedeck.shared.AgentIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Adds and switches off notification rules (admins; audited). */
@Path("/notifications/rules")
@RolesAllowed(Role.ADMIN_NAME)
public class RulesResource {

    private final Rules rules;

    RulesResource(Rules rules) {
        this.rules = rules;
    }

    @POST
    public Response add(@RestForm String name, @RestForm List<String> kinds, @RestForm String sites, @RestForm String team,
                        @RestForm String tag, @RestForm String vitalOnly, @RestForm String delay,
                        @RestForm List<String> channels, @RestForm String escalateTo, @RestForm String escalateAfter,
                        @RestForm String quietFrom, @RestForm String quietTo) {
        rules.add(new Rules.Form(name, kinds, sites, team, tag, "true".equals(vitalOnly), delay,
                channels, escalateTo, escalateAfter, quietFrom, quietTo));
        return NotificationsResource.back(NotificationsResource.Done.RULE);
    }

    @POST
    @Path("{id}/off")
    public Response switchOff(@PathParam("id") String id) {
        rules.switchOff(AgentIds.parse(id));
        return NotificationsResource.back(NotificationsResource.Done.RULE_OFF);
    }
}
