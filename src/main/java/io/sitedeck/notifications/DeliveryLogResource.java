package io.sitedeck.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.reports.ReportSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What was sent, held back or failed (issue #19), newest first, filtered by rule, channel and outcome. */
@Path("/notifications/log")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class DeliveryLogResource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH);
    private static final Set<String> OUTCOMES = Set.of(OutboxEntry.PENDING, OutboxEntry.SENT, OutboxEntry.FAILED,
            OutboxEntry.CANCELLED);
    private static final int SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(Log log);
    }

    public record Option(String value, String label, boolean chosen) {
    }

    public record Line(String when, String kind, String channel, String rule, String subject, String status, int attempts,
                       String problem, String key) {
    }

    public record Log(List<Line> lines, List<Option> rules, List<Option> channels, List<Option> outcomes) {
    }

    private final CurrentUser user;
    private final ObjectMapper json;

    DeliveryLogResource(CurrentUser user, ObjectMapper json) {
        this.user = user;
        this.json = json;
    }

    @GET
    @Transactional
    public TemplateInstance log(@QueryParam("rule") String rule, @QueryParam("channel") String channel,
                                @QueryParam("outcome") String outcome) {
        long tenant = user.tenantId();
        ZoneId zone = ReportSettings.zoneOf(tenant);
        Map<Long, String> channels = NotificationChannel.ofTenant(tenant).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.name));
        Map<Long, String> rules = NotificationRule.ofTenant(tenant).stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
        Long ruleId = id(rule, rules);
        Long channelId = id(channel, channels);
        String status = outcome != null && OUTCOMES.contains(outcome) ? outcome : null;
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters parameters = Parameters.with("tenant", tenant);
        if (ruleId != null) {
            query.append(" and ruleId = :rule");
            parameters.and("rule", ruleId);
        }
        if (channelId != null) {
            query.append(" and channelId = :channel");
            parameters.and("channel", channelId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        List<Line> lines = OutboxEntry.<OutboxEntry>find(query + " order by createdAt desc, id desc", parameters)
                .page(0, SHOWN).list().stream().map(e -> new Line(WHEN.format((e.sentAt != null ? e.sentAt : e.dueAt)
                        .atZone(zone)), e.kind, channels.getOrDefault(e.channelId, "?"),
                        e.ruleId == null ? "" : rules.getOrDefault(e.ruleId, "?"), subject(e), e.status
                        + (e.sentWith != null ? " (with " + e.sentWith + ")" : ""), e.attempts,
                        e.lastError == null ? "" : e.lastError, e.idempotencyKey)).toList();
        return Templates.log(new Log(lines, options(rules, ruleId), options(channels, channelId),
                OUTCOMES.stream().sorted().map(o -> new Option(o, o.toLowerCase(Locale.ROOT), o.equals(status))).toList()));
    }

    private String subject(OutboxEntry entry) {
        try {
            NotificationMessage m = json.readValue(entry.message, NotificationMessage.class);
            return m.device() == null ? String.valueOf(m.site()) : m.device() + " — " + m.site();
        } catch (java.io.IOException unreadable) {
            return "";
        }
    }

    private static Long id(String text, Map<Long, String> known) {
        try {
            Long id = text == null || text.isBlank() ? null : Long.valueOf(text.strip());
            return id != null && known.containsKey(id) ? id : null;
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static List<Option> options(Map<Long, String> names, Long chosen) {
        return names.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(e -> new Option(String.valueOf(e.getKey()),
                e.getValue(), e.getKey().equals(chosen))).toList();
    }
}
