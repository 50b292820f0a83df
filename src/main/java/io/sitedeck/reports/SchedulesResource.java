package io.sitedeck.reports;

import io.sitedeck.account.Role;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.fleet.FleetQueries;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.BadInput;
import jakarta.annotation.security.RolesAllowed;
import io.sitedeck.shared.Missing;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/** Plans a monthly report e-mail from a report page, and stops one (technicians and admins). */
@Path("/reports/schedules")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class SchedulesResource {

    private final ReportSchedules schedules;
    private final ConsoleContext console;
    private final DomotzGateway gateway;
    private final FleetQueries fleet;

    SchedulesResource(ReportSchedules schedules, ConsoleContext console, DomotzGateway gateway, FleetQueries fleet) {
        this.schedules = schedules;
        this.console = console;
        this.gateway = gateway;
        this.fleet = fleet;
    }

    /** {@code kind} SITE with the agent id, or TEAM with the team's name; the title is the site's or team's name. */
    @POST
    public Response plan(@RestForm String kind, @RestForm String subject, @RestForm String recipients,
                         @RestForm String day, @RestForm String at) {
        DomotzTarget target = console.target();
        String title;
        String normalised;
        if (ReportContent.SITE.equals(kind)) {
            int agentId = AgentIds.parse(subject == null ? "" : subject);
            title = gateway.getAgent(target, agentId).displayName();
            normalised = String.valueOf(agentId);
        } else if (ReportContent.TEAM.equals(kind)) {
            normalised = subject == null ? "" : subject;
            if (fleet.sitesOfTeam(target.indexScope(), normalised).isEmpty()) {
                throw new Missing("No team of that name among the sites this connection can read.");
            }
            title = "Team " + normalised;
        } else {
            throw new BadInput("A report is a site's or a team's.");
        }
        schedules.plan(kind, normalised, title, recipients, day, at);
        return Response.seeOther(URI.create("/reports#schedules")).build();
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") String id) {
        schedules.stop(AgentIds.parse(id));
        return Response.seeOther(URI.create("/reports#schedules")).build();
    }
}
