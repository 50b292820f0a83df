package io.sitedeck.availability;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.BadInput;
import io.sitedeck.web.TimeRange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A site's maintenance windows (issue #18): the list, what is on now, a form for a new one and "End now"; creating
 * and ending are for technicians and admins, audited. Upstream calls: getAgent (its zone), cached like every page.
 */
@Path("/agents/{agentId}/maintenance")
public class MaintenanceResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(MaintenancePage view);
    }

    /** One window as the list shows it. */
    public record Row(long id, String title, String when, String covers, String state, boolean on, boolean ended) {
    }

    public record MaintenancePage(Agent agent, String zone, List<Row> windows, MaintenanceForm form, String problem,
                                  String notice, boolean mayEdit) {
        public List<WeekDay> weekDays() {
            return WeekDay.ALL;
        }
    }

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final CurrentUser user;
    private final MaintenanceWindows windows;

    MaintenanceResource(DomotzGateway gateway, ConsoleContext console, CurrentUser user, MaintenanceWindows windows) {
        this.gateway = gateway;
        this.console = console;
        this.user = user;
        this.windows = windows;
    }

    @GET
    public TemplateInstance page(@PathParam("agentId") String agentId, @QueryParam("saved") String saved) {
        Agent agent = gateway.getAgent(console.target(), AgentIds.parse(agentId));
        return Templates.page(page(agent, MaintenanceForm.BLANK, null, "1".equals(saved) ? "Maintenance window saved." : null));
    }

    @POST
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    public Response create(@PathParam("agentId") String agentId, @RestForm String title, @RestForm String covers,
                           @RestForm String devices, @RestForm String tag, @RestForm String kind, @RestForm String from,
                           @RestForm String to, @RestForm List<String> days, @RestForm String dayOfMonth,
                           @RestForm String start, @RestForm String hours) {
        Agent agent = gateway.getAgent(console.target(), AgentIds.parse(agentId));
        MaintenanceForm form = new MaintenanceForm(title, covers, devices, tag, kind, from, to, days, dayOfMonth, start,
                hours);
        try {
            windows.create(form.read(agent.id(), TimeRange.zoneOf(agent.timezone())));
        } catch (BadInput refused) {
            // The form comes back as typed, with what to change: nothing is lost.
            return Response.status(400).entity(Templates.page(page(agent, form, refused.getMessage(), null)))
                    .type("text/html;charset=UTF-8").build();
        }
        return Response.seeOther(URI.create("/agents/" + agent.id() + "/maintenance?saved=1")).build();
    }

    @POST
    @Path("{windowId}/end")
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    public Response end(@PathParam("agentId") String agentId, @PathParam("windowId") long windowId) {
        int agent = AgentIds.parse(agentId);
        if (!windows.end(agent, windowId)) {
            throw new NotFoundException("No such maintenance window on this site, or it has ended.");
        }
        return Response.seeOther(URI.create("/agents/" + agent + "/maintenance")).build();
    }

    private MaintenancePage page(Agent agent, MaintenanceForm form, String problem, String notice) {
        var now = clock.instant();
        List<Row> rows = windows.ofSite(agent.id()).stream().map(w -> {
            boolean on = w.activeAt(now);
            String state = w.endedAt != null ? "ended early by " + w.endedBy : on ? "on now" : "planned";
            return new Row(w.id, w.title, MaintenanceText.describe(w), MaintenanceText.covers(w), state, on,
                    w.endedAt != null);
        }).toList();
        return new MaintenancePage(agent, TimeRange.zoneOf(agent.timezone()).getId(), rows, form, problem, notice, user.technician());
    }
}
