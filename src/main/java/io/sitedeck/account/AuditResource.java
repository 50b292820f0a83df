package io.sitedeck.account;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.audit.AuditEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The tenant's audit log for admins, newest first, filtered by action, actor and day (UTC); the filters are in the URL. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEvent> events, Filter filter, int page, boolean more,
                                             List<String> actions);
    }

    /** The filters as typed; blank means "any". */
    public record Filter(String action, String actor, String from, String to) {}

    private final CurrentUser user;

    AuditResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    public TemplateInstance list(@QueryParam("action") String action, @QueryParam("actor") String actor,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("page") int page) {
        Filter filter = new Filter(blankToEmpty(action), blankToEmpty(actor), blankToEmpty(from), blankToEmpty(to));
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters parameters = Parameters.with("tenant", user.tenantId());
        if (!filter.action().isEmpty()) {
            query.append(" and action = :action");
            parameters.and("action", filter.action());
        }
        if (!filter.actor().isEmpty()) {
            query.append(" and lower(actor) like :actor");
            parameters.and("actor", "%" + filter.actor().toLowerCase() + "%");
        }
        LocalDate fromDay = day(filter.from());
        if (fromDay != null) {
            query.append(" and occurredAt >= :from");
            parameters.and("from", fromDay.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        LocalDate toDay = day(filter.to());
        if (toDay != null) {
            query.append(" and occurredAt < :to");
            parameters.and("to", toDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        int current = Math.max(0, page);
        List<AuditEvent> events = AuditEvent.<AuditEvent>find(query + " order by occurredAt desc, id desc", parameters)
                .page(Page.of(current, PAGE_SIZE + 1)).list();
        boolean more = events.size() > PAGE_SIZE;
        List<String> actions = AuditEvent.getEntityManager()
                .createQuery("select distinct e.action from AuditEvent e where e.tenantId = :tenant order by e.action",
                        String.class).setParameter("tenant", user.tenantId()).getResultList();
        return Templates.audit(more ? events.subList(0, PAGE_SIZE) : events, filter, current, more, actions);
    }

    private static LocalDate day(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.trim();
    }
}
