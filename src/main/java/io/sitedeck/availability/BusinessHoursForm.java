package io.sitedeck.availability;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.BadInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A site's business hours for its report (issue #18): days and local opening and closing times, or none; set by
 * technicians and admins, audited; back to the report.
 */
@Path("/reports/sites/{agentId}/business-hours")
public class BusinessHoursForm {

    private final CurrentUser user;
    private final AuditLog audit;

    BusinessHoursForm(CurrentUser user, AuditLog audit) {
        this.user = user;
        this.audit = audit;
    }

    @POST
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response set(@PathParam("agentId") String agentId, @RestForm List<String> days, @RestForm String opens,
                        @RestForm String closes, @RestForm String clear) {
        int agent = AgentIds.parse(agentId);
        save(user, audit, agent, days, opens, closes, clear);
        return Response.seeOther(URI.create("/reports/sites/" + agent)).build();
    }

    /** Sets or clears the hours of a site, or the tenant's ({@link SiteBusinessHours#TENANT_WIDE}); audited. */
    static void save(CurrentUser user, AuditLog audit, int agent, List<String> days, String opens, String closes,
                     String clear) {
        String target = agent == SiteBusinessHours.TENANT_WIDE ? "tenant" : "agent " + agent;
        var existing = SiteBusinessHours.of(user.tenantId(), agent);
        if ("true".equals(clear)) {
            existing.ifPresent(SiteBusinessHours::delete);
            audit.record(user.tenantId(), user.email(), "report.business-hours", target, "ok: none");
        } else {
            BusinessHours hours = read(days, opens, closes);
            SiteBusinessHours row = existing.orElseGet(SiteBusinessHours::new);
            row.tenantId = user.tenantId();
            row.agentId = agent;
            row.weekDays = hours.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
            row.opens = hours.opens().toString();
            row.closes = hours.closes().toString();
            row.persist();
            audit.record(user.tenantId(), user.email(), "report.business-hours", target, "ok: " + hours.describe());
        }
    }

    static BusinessHours read(List<String> days, String opens, String closes) {
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        try {
            for (String day : days == null ? List.<String>of() : days) {
                chosen.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            }
            if (chosen.isEmpty()) {
                throw new BadInput("Choose the days the customer's business is open.");
            }
            return new BusinessHours(chosen, LocalTime.parse(opens == null ? "" : opens.strip()),
                    LocalTime.parse(closes == null ? "" : closes.strip()));
        } catch (DateTimeParseException unreadable) {
            throw new BadInput("Opening and closing times are written like 08:00 and 18:00.");
        } catch (IllegalArgumentException refused) {
            throw new BadInput(refused.getMessage().startsWith("Business hours") ? refused.getMessage()
                    : "Choose days of the week from the form.");
        }
    }
}
