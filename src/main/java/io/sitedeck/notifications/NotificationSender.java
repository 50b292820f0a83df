package io.sitedeck.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitedeck.availability.Acknowledgements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the outbox (issue #19). Each round, driven by the injected clock, claims due entries one at a time with a
 * conditional UPDATE (one instance wins each, also across instances; a claim held by an instance that died runs out
 * after {@link #CLAIM}), collapses a burst — every due DOWN of the same site for the same channel goes in one
 * message — sends, and records the outcome. A vital DOWN sent queues its escalation, which is cancelled if the device
 * recovers or is acknowledged first. Failures are retried with backoff until {@code max-attempts}.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final int BATCH = 50;

    @Inject
    Clock clock;

    private final Deliveries deliveries;
    private final Acknowledgements acknowledgements;
    private final NotificationsConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    NotificationSender(Deliveries deliveries, Acknowledgements acknowledgements, NotificationsConfig config,
                       ObjectMapper json, MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.acknowledgements = acknowledgements;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
    }

    @Scheduled(every = "${sitedeck.notifications.send-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            round();
        } catch (RuntimeException failed) {
            LOG.warnf("Notifications round failed: %s", failed.toString());
        }
    }

    /** One round; returns how many messages went out. */
    public int round() {
        Instant now = clock.instant();
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<List<OutboxEntry>> claimed = claim(now);
            if (claimed.isEmpty()) {
                break;
            }
            if (send(claimed.get(), now)) {
                sent++;
            }
        }
        return sent;
    }

    /** The next due entry, and with a DOWN every other due DOWN of its site for its channel (a burst), claimed. */
    private Optional<List<OutboxEntry>> claim(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEntry> due = OutboxEntry.<OutboxEntry>find("status = ?1 and nextAttemptAt <= ?2"
                    + " and (claimedUntil is null or claimedUntil < ?2) order by nextAttemptAt, id", OutboxEntry.PENDING, now)
                    .page(0, 5).list();
            for (OutboxEntry lead : due) {
                if (!take(lead, now)) {
                    continue;
                }
                List<OutboxEntry> group = new ArrayList<>(List.of(lead));
                if (lead.type() == OutboxEntry.Kind.DOWN) {
                    OutboxEntry.<OutboxEntry>find("status = ?1 and nextAttemptAt <= ?2 and (claimedUntil is null or"
                                    + " claimedUntil < ?2) and kind = 'DOWN' and channelId = ?3 and agentId = ?4 and id <> ?5"
                                    + " order by happenedAt, id", OutboxEntry.PENDING, now, lead.channelId, lead.agentId, lead.id)
                            .list().stream().filter(other -> take(other, now)).forEach(group::add);
                }
                return Optional.of(group);
            }
            return Optional.empty();
        });
    }

    private boolean take(OutboxEntry entry, Instant now) {
        return OutboxEntry.update("claimedUntil = ?1 where id = ?2 and status = ?3 and (claimedUntil is null or"
                + " claimedUntil < ?4)", now.plus(CLAIM), entry.id, OutboxEntry.PENDING, now) == 1;
    }

    private boolean send(List<OutboxEntry> group, Instant now) {
        OutboxEntry lead = group.get(0);
        NotificationChannel channel = QuarkusTransaction.requiringNew().call(() -> NotificationChannel.findById(lead.channelId));
        if (channel == null || !channel.active) {
            finish(group, OutboxEntry.CANCELLED, "The channel was switched off", now, "cancelled", channel);
            return false;
        }
        if (lead.type() == OutboxEntry.Kind.ESCALATION && acknowledged(lead)) {
            finish(group, OutboxEntry.CANCELLED, "Acknowledged before the escalation", now, "cancelled", channel);
            return false;
        }
        try {
            deliveries.send(channel, new Rendered(lead.type(), lead.idempotencyKey, message(lead),
                    group.stream().map(this::message).toList()));
        } catch (RuntimeException failed) {
            failed(group, channel, failed, now);
            return false;
        }
        finish(group, OutboxEntry.SENT, null, now, "sent", channel);
        group.stream().filter(e -> e.type() == OutboxEntry.Kind.DOWN && e.vital).forEach(this::escalateLater);
        return true;
    }

    /** A console acknowledgement holding for this down period stops the escalation. */
    private boolean acknowledged(OutboxEntry escalation) {
        return escalation.deviceId != null && QuarkusTransaction.requiringNew().call(() -> acknowledgements
                .current(escalation.tenantId).of(escalation.agentId, escalation.deviceId, escalation.happenedAt).isPresent());
    }

    /** Queues the escalation of a vital DOWN just sent, when its rule has one. */
    private void escalateLater(OutboxEntry down) {
        QuarkusTransaction.requiringNew().run(() -> {
            NotificationRule rule = down.ruleId == null ? null : NotificationRule.findById(down.ruleId);
            if (rule == null || rule.escalateChannelId == null || OutboxEntry.count("idempotencyKey",
                    down.idempotencyKey + ":esc") > 0) {
                return;
            }
            OutboxEntry escalation = new OutboxEntry();
            escalation.tenantId = down.tenantId;
            escalation.ruleId = down.ruleId;
            escalation.channelId = rule.escalateChannelId;
            escalation.eventId = down.eventId;
            escalation.idempotencyKey = down.idempotencyKey + ":esc";
            escalation.kind = OutboxEntry.Kind.ESCALATION.name();
            escalation.agentId = down.agentId;
            escalation.deviceId = down.deviceId;
            escalation.vital = true;
            escalation.happenedAt = down.happenedAt;
            escalation.message = down.message;
            escalation.dueAt = clock.instant().plus(Duration.ofMinutes(rule.escalateAfterMinutes));
            escalation.nextAttemptAt = escalation.dueAt;
            escalation.status = OutboxEntry.PENDING;
            escalation.createdAt = clock.instant();
            escalation.persist();
        });
    }

    private void failed(List<OutboxEntry> group, NotificationChannel channel, RuntimeException failure, Instant now) {
        String problem = TestMessages.problem(failure);
        int attempts = group.get(0).attempts + 1;
        boolean last = attempts >= config.maxAttempts();
        Instant retry = now.plus(FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10)));
        QuarkusTransaction.requiringNew().run(() -> group.forEach(e -> OutboxEntry.update("status = ?1, attempts = ?2,"
                        + " nextAttemptAt = ?3, claimedUntil = null, lastError = ?4 where id = ?5",
                last ? OutboxEntry.FAILED : OutboxEntry.PENDING, attempts, retry, clip(problem), e.id)));
        count(channel, last ? "failed" : "retry", group.size());
    }

    private void finish(List<OutboxEntry> group, String status, String why, Instant now, String outcome,
                        NotificationChannel channel) {
        Long lead = group.get(0).id;
        QuarkusTransaction.requiringNew().run(() -> group.forEach(e -> OutboxEntry.update("status = ?1, attempts = attempts + ?2,"
                        + " sentAt = ?3, claimedUntil = null, lastError = ?4, sentWith = ?5 where id = ?6", status,
                OutboxEntry.SENT.equals(status) ? 1 : 0, OutboxEntry.SENT.equals(status) ? now : null, why,
                e.id.equals(lead) ? null : lead, e.id)));
        count(channel, outcome, group.size());
    }

    private void count(NotificationChannel channel, String outcome, int n) {
        metrics.counter("sitedeck.notifications", "channel", channel == null ? "unknown" : channel.kind.name().toLowerCase(
                java.util.Locale.ROOT), "outcome", outcome).increment(n);
    }

    private NotificationMessage message(OutboxEntry entry) {
        try {
            return json.readValue(entry.message, NotificationMessage.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("outbox entry " + entry.id + " is unreadable", unreadable);
        }
    }

    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
