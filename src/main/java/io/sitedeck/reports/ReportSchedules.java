package io.sitedeck.reports;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.sitedeck.shared.Missing;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans and stops the tenant's monthly report e-mails (technicians and admins; audited), and lists them with what
 * was sent to whom. A schedule reads with the connection its planner was using, in the tenant's report zone.
 */
@ApplicationScoped
public class ReportSchedules {

    private static final int MAX_RECIPIENTS = 20;
    private static final int SHOWN = 50;

    @Inject
    Clock clock;

    public record Row(long id, String title, String when, String recipients, String next, boolean active) {
    }

    public record DeliveryRow(String title, String month, String due, String recipients, String status, int attempts,
                              String problem, String reportUrl) {
    }

    private final CurrentUser user;
    private final ConsoleContext console;
    private final AuditLog audit;

    ReportSchedules(CurrentUser user, ConsoleContext console, AuditLog audit) {
        this.user = user;
        this.console = console;
        this.audit = audit;
    }

    /** A schedule of the member's tenant, reading with the member's connection in use. */
    @Transactional
    public ReportSchedule plan(String kind, String subject, String title, String recipients, String day, String at) {
        ZoneId zone = ReportSettings.zoneOf(user.tenantId());
        MonthlyRun run = new MonthlyRun(day(day), time(at), zone);
        ReportSchedule schedule = new ReportSchedule();
        schedule.tenantId = user.tenantId();
        schedule.kind = kind;
        schedule.subject = subject;
        schedule.title = title;
        schedule.recipients = String.join(", ", Recipients.parse(recipients, MAX_RECIPIENTS));
        schedule.dayOfMonth = run.dayOfMonth();
        schedule.atTime = run.at().toString();
        schedule.zone = zone.getId();
        schedule.connectionId = console.requiredConnection().id;
        schedule.createdBy = user.email();
        schedule.createdAt = clock.instant();
        schedule.nextRunAt = run.nextAfter(clock.instant());
        schedule.active = true;
        schedule.persist();
        audit.record(user.tenantId(), user.email(), "report.schedule", "schedule " + schedule.id,
                "ok: " + title + " on day " + schedule.dayOfMonth + " at " + schedule.atTime + " " + schedule.zone
                        + " to " + schedule.recipientList().size() + " recipients");
        return schedule;
    }

    @Transactional
    public void stop(long id) {
        ReportSchedule schedule = ReportSchedule.inTenant(user.tenantId(), id)
                .orElseThrow(() -> new Missing("No such schedule."));
        schedule.active = false;
        audit.record(user.tenantId(), user.email(), "report.schedule-stop", "schedule " + id, "ok: " + schedule.title);
    }

    @Transactional
    public List<Row> rows(long tenantId, ZoneId zone) {
        return ReportSchedule.ofTenant(tenantId).stream().map(s -> new Row(s.id, s.title,
                "day " + s.dayOfMonth + " of each month at " + s.atTime + " (" + s.zone + ")", s.recipients,
                s.active ? ReportPages.STAMP.format(s.nextRunAt.atZone(zone)) : "stopped", s.active)).toList();
    }

    @Transactional
    public List<DeliveryRow> deliveries(long tenantId, ZoneId zone) {
        List<DeliveryRow> rows = new ArrayList<>();
        for (ReportDelivery d : ReportDelivery.ofTenant(tenantId, SHOWN)) {
            String title = ReportSchedule.<ReportSchedule>findByIdOptional(d.scheduleId).map(s -> s.title).orElse("?");
            String status = switch (d.status) {
                case ReportDelivery.SENT -> "sent " + ReportPages.STAMP.format(d.sentAt.atZone(zone));
                case ReportDelivery.FAILED -> "failed";
                default -> d.attempts == 0 ? "waiting" : "retrying " + ReportPages.STAMP.format(d.nextAttemptAt.atZone(zone));
            };
            rows.add(new DeliveryRow(title, d.month, ReportPages.STAMP.format(d.dueAt.atZone(zone)), d.recipients,
                    status, d.attempts, d.lastError, d.storedReportId == null ? null : "/reports/stored/" + d.storedReportId));
        }
        return rows;
    }

    private static int day(String text) {
        try {
            int day = Integer.parseInt(text == null ? "" : text.strip());
            if (day >= 1 && day <= 28) {
                return day;
            }
        } catch (NumberFormatException unreadable) {
            // below
        }
        throw new BadInput("The day of the month is a number from 1 to 28 (every month has it).");
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException unreadable) {
            throw new BadInput("The time is written like 07:00.");
        }
    }
}
