package io.sitedeck.reports;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitedeck.account.Connections;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.fleet.FleetQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the scheduled reports (issue #18). Each tick, driven by the injected clock: every schedule due turns into one
 * delivery (the schedule's next run moves on in the same conditional UPDATE, which one instance wins; the delivery
 * is unique per schedule and due time), then every delivery due is claimed (another conditional UPDATE) and sent —
 * the report generated once and kept, the PDF attached. A failure is retried with backoff (5 min, 10, 20, 40) and the
 * fifth failure is final; the history shows each state.
 */
@ApplicationScoped
public class ReportScheduler {

    private static final Logger LOG = Logger.getLogger(ReportScheduler.class);
    static final int ATTEMPTS = 5;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    /** Longer than a report takes to generate and send; a claim older than this belonged to an instance that died. */
    private static final Duration CLAIM = Duration.ofMinutes(15);
    private static final int BATCH = 20;

    @Inject
    Clock clock;

    private final Connections connections;
    private final Reports reports;
    private final ReportCost cost;
    private final Mailer mailer;
    private final AuditLog audit;
    private final FleetQueries fleet;

    ReportScheduler(Connections connections, Reports reports, ReportCost cost, Mailer mailer, AuditLog audit,
                    FleetQueries fleet) {
        this.fleet = fleet;
        this.connections = connections;
        this.reports = reports;
        this.cost = cost;
        this.mailer = mailer;
        this.audit = audit;
    }

    @Scheduled(every = "${sitedeck.reports.check-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            tick();
        } catch (RuntimeException failed) {
            LOG.warnf("Scheduled reports round failed: %s", failed.toString());
        }
    }

    /** One round: deliveries created for the schedules due, then the due deliveries sent. Returns how many were sent. */
    public int tick() {
        Instant now = clock.instant();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ReportSchedule.<ReportSchedule>find(
                "active = true and nextRunAt <= ?1 order by nextRunAt", now).page(0, BATCH).list()
                .stream().map(s -> s.id).toList());
        due.forEach(id -> open(id, now));
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<Long> claimed = claim(now);
            if (claimed.isEmpty()) {
                break;
            }
            if (send(claimed.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** Moves the schedule on and opens its delivery, if this instance wins the schedule's due time. */
    private void open(long scheduleId, Instant now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ReportSchedule s = ReportSchedule.findById(scheduleId);
                Instant dueAt = s.nextRunAt;
                if (!s.active || dueAt.isAfter(now)) {
                    return; // another instance opened this run and moved the schedule on since it was listed
                }
                MonthlyRun run = s.run();
                int won = ReportSchedule.update("nextRunAt = ?1 where id = ?2 and nextRunAt = ?3",
                        run.nextAfter(now), scheduleId, dueAt);
                if (won == 1) {
                    ReportDelivery d = new ReportDelivery();
                    d.tenantId = s.tenantId;
                    d.scheduleId = s.id;
                    d.dueAt = dueAt;
                    d.month = run.reportedMonth(dueAt).toString();
                    d.recipients = s.recipients;
                    d.status = ReportDelivery.PENDING;
                    d.attempts = 0;
                    d.nextAttemptAt = now;
                    d.persist();
                }
            });
        } catch (RuntimeException lost) {
            // Another instance opened it first (the unique due time): nothing to do here.
            LOG.debugf("Schedule %d's run was opened elsewhere: %s", scheduleId, lost.toString());
        }
    }

    private Optional<Long> claim(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ReportDelivery> candidates = ReportDelivery.<ReportDelivery>find("status = ?1 and nextAttemptAt <= ?2"
                            + " and (claimedUntil is null or claimedUntil < ?2) order by nextAttemptAt, id",
                    ReportDelivery.PENDING, now).page(0, 5).list();
            for (ReportDelivery candidate : candidates) {
                int won = ReportDelivery.update("claimedUntil = ?1 where id = ?2 and status = ?3"
                        + " and (claimedUntil is null or claimedUntil < ?4)", now.plus(CLAIM), candidate.id,
                        ReportDelivery.PENDING, now);
                if (won == 1) {
                    return Optional.of(candidate.id);
                }
            }
            return Optional.empty();
        });
    }

    /** Generates (once) and mails one claimed delivery; records the outcome. */
    private boolean send(long deliveryId) {
        ReportDelivery d = QuarkusTransaction.requiringNew().call(() -> ReportDelivery.findById(deliveryId));
        ReportSchedule s = QuarkusTransaction.requiringNew().call(() -> ReportSchedule.findById(d.scheduleId));
        try {
            StoredReport report = report(d, s);
            mailer.send(mail(s, d, report));
            QuarkusTransaction.requiringNew().run(() -> ReportDelivery.update("status = ?1, sentAt = ?2, attempts = attempts + 1,"
                    + " claimedUntil = null, lastError = null where id = ?3", ReportDelivery.SENT, clock.instant(), deliveryId));
            audit.record(s.tenantId, "scheduler", "report.sent", "schedule " + s.id, "ok: report " + report.id + " to "
                    + s.recipientList().size() + " recipients");
            return true;
        } catch (Failure failure) {
            failed(d, s, failure.getMessage());
        } catch (DomotzException upstream) {
            failed(d, s, "Domotz could not be read: " + upstream.explanation());
        } catch (RuntimeException mail) {
            // The mailer's own text may name the server: the log (for the operator) has it whole, the history (for
            // the team) says what kind of failure it was. The mailer wraps the SMTP client's error in a
            // CompletionException, so the cause is what tells a refusal from a dropped connection.
            LOG.warnf(mail, "Scheduled report %d could not be sent; retried later", deliveryId);
            failed(d, s, "The mail server did not accept the message (" + mail.getClass().getSimpleName() + ").");
        }
        return false;
    }

    /** A delivery that cannot go now, in words for the history. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private StoredReport report(ReportDelivery d, ReportSchedule s) {
        if (d.storedReportId != null) {
            return QuarkusTransaction.requiringNew().call(() -> StoredReport.findById(d.storedReportId));
        }
        DomotzTarget target = connections.backgroundTarget(s.tenantId, s.connectionId).orElseThrow(() -> new Failure(
                "The member who planned it can no longer read Domotz (connection removed or member disabled)."));
        YearMonth month = YearMonth.parse(d.month);
        List<Integer> sites = ReportContent.TEAM.equals(s.kind)
                ? QuarkusTransaction.requiringNew().call(() -> fleet.sitesOfTeam(target.indexScope(), s.subject))
                        .stream().map(site -> site.agentId).toList()
                : List.of(Integer.parseInt(s.subject));
        if (sites.isEmpty()) {
            throw new Failure("The team has no site in the fleet index of the planner's connection.");
        }
        ReportCost.Estimate estimate = cost.of(target, sites, month);
        if (!estimate.affordable()) {
            throw new Failure(estimate.refusal());
        }
        StoredReport stored = reports.generate(reports.request(s.tenantId, "scheduled by " + s.createdBy, target),
                s.kind, s.subject, sites, month);
        QuarkusTransaction.requiringNew().run(() -> ReportDelivery.update("storedReportId = ?1 where id = ?2", stored.id, d.id));
        return stored;
    }

    private Mail mail(ReportSchedule s, ReportDelivery d, StoredReport report) {
        String subject = "Availability report " + d.month + ": " + report.title;
        String body = "Attached: the availability report of " + report.title + " for " + d.month + ".\n\n"
                + "Availability counts the vital devices' time up over their time up and down; planned maintenance"
                + " is not downtime, and time a site could not be seen is unknown, never down.\n\n"
                + "Sent by Sitedeck for " + s.createdBy + ".";
        Mail mail = Mail.withText(s.recipientList().get(0), subject, body);
        mail.setTo(s.recipientList());
        mail.addAttachment("availability-" + d.month + ".pdf", report.pdf, "application/pdf");
        return mail;
    }

    private void failed(ReportDelivery d, ReportSchedule s, String problem) {
        int attempts = d.attempts + 1;
        boolean last = attempts >= ATTEMPTS;
        Instant retry = clock.instant().plus(FIRST_RETRY.multipliedBy(1L << (attempts - 1)));
        String text = problem.length() > 300 ? problem.substring(0, 299) + "…" : problem;
        QuarkusTransaction.requiringNew().run(() -> ReportDelivery.update("status = ?1, attempts = ?2, nextAttemptAt = ?3,"
                + " claimedUntil = null, lastError = ?4 where id = ?5", last ? ReportDelivery.FAILED : ReportDelivery.PENDING,
                attempts, retry, text, d.id));
        audit.record(s.tenantId, "scheduler", "report.sent", "schedule " + s.id, (last ? "failed: " : "retrying: ") + text);
    }
}
