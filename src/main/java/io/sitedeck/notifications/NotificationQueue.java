package io.sitedeck.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.sitedeck.annotations.Annotations;
import io.sitedeck.annotations.NoteLookups;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.events.EventKind;
import io.sitedeck.events.EventStored;
import io.sitedeck.events.MaintenanceCheck;
import io.sitedeck.events.WebhookEvent;
import io.sitedeck.platform.PublicUrl;
import io.sitedeck.reports.ReportSettings;
import io.sitedeck.shared.Ago;
import io.sitedeck.shared.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a stored webhook event into outbox entries, in the event's own transaction (issue #19): for the active rules
 * of the tenant that match it, one entry per channel (one, however many rules name the channel) — none in a rule's
 * quiet hours or under a maintenance window. A DOWN (a device's, or a site's agent going offline) waits for the rule's
 * delay; an UP cancels the DOWN still waiting (a flap sends nothing) and the escalations, and queues the recovery of
 * a DOWN that was sent.
 */
@ApplicationScoped
public class NotificationQueue {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm z", Locale.ENGLISH);

    @Inject
    Clock clock;

    private final DomotzGateway gateway;
    private final NoteLookups notes;
    private final Annotations annotations;
    private final MaintenanceCheck maintenance;
    private final PublicUrl publicUrl;
    private final ObjectMapper json;

    NotificationQueue(DomotzGateway gateway, NoteLookups notes, Annotations annotations, MaintenanceCheck maintenance,
                      PublicUrl publicUrl, ObjectMapper json) {
        this.gateway = gateway;
        this.notes = notes;
        this.annotations = annotations;
        this.maintenance = maintenance;
        this.publicUrl = publicUrl;
        this.json = json;
    }

    /** What the rules match an event against. */
    record Facts(WebhookEvent event, String team, List<String> tags, boolean vital) {
    }

    void stored(@Observes EventStored stored) {
        List<NotificationRule> rules = NotificationRule.activeOf(stored.tenantId());
        WebhookEvent event = stored.event();
        if (rules.isEmpty() || event.agentId() == null) {
            return;
        }
        // Held back: nothing new is sent under a maintenance window or in a rule's quiet hours; an UP still cancels
        // what its DOWN queued (else a DOWN queued just before would go out after the device had recovered).
        boolean inMaintenance = maintenance.covers(stored.tenantId(), event.agentId(), event.deviceId(), event.at());
        Optional<Agent> agent = stored.targets().stream().map(t -> gateway.cachedAgent(t, event.agentId()))
                .flatMap(Optional::stream).findFirst();
        Facts facts = new Facts(event, agent.map(Agent::teamName).orElse(null), event.deviceId() == null ? List.of()
                : notes.tags(stored.tenantId(), event.agentId(), event.deviceId()), stored.vital());
        ZoneId zone = ReportSettings.zoneOf(stored.tenantId());
        Set<Long> queued = new HashSet<>();
        for (NotificationRule rule : rules) {
            if (!RuleMatch.matches(rule, facts)) {
                continue;
            }
            boolean held = inMaintenance || rule.quietHours().map(q -> q.covers(event.at(), zone)).orElse(false);
            for (long channelId : rule.channels()) {
                // One message per event and channel, however many rules send it there (the key is per event and channel).
                if (queued.add(channelId)) {
                    queue(stored, rule, channelId, facts, zone, held);
                }
            }
        }
    }

    private void queue(EventStored stored, NotificationRule rule, long channelId, Facts facts, ZoneId zone, boolean held) {
        WebhookEvent event = stored.event();
        String state = RuleMatch.upDown(event);
        String key = "t" + stored.tenantId() + ":e" + stored.eventId() + ":c" + channelId;
        if ("UP".equals(state)) {
            recovered(stored, rule, channelId, key, facts, zone, held);
        } else if (held) {
            return;
        } else if ("DOWN".equals(state)) {
            String ack = event.deviceId() == null ? null : Secrets.newToken();
            OutboxEntry down = add(stored, rule, channelId, key + ":down", OutboxEntry.Kind.DOWN,
                    event.at().plus(Duration.ofMinutes(rule.delayMinutes)), message(stored, facts, zone, null, ack));
            down.ackToken = ack;
        } else {
            add(stored, rule, channelId, key + ":event", OutboxEntry.Kind.EVENT, clock.instant(),
                    message(stored, facts, zone, null, null));
        }
    }

    /** A DOWN still waiting is cancelled (nothing is sent for a flap); one already sent gets its recovery. */
    private void recovered(EventStored stored, NotificationRule rule, long channelId, String key, Facts facts, ZoneId zone,
                           boolean held) {
        WebhookEvent event = stored.event();
        String device = event.deviceId() == null ? "deviceId is null" : "deviceId = :device";
        String sameSubject = "tenantId = :tenant and agentId = :agent and " + device;
        String sameRule = sameSubject + " and ruleId = :rule and channelId = :channel";
        OutboxEntry.update("status = :status, lastError = :why where " + sameRule + " and kind = 'DOWN' and status = 'PENDING'",
                subject(stored, rule, channelId).and("status", OutboxEntry.CANCELLED)
                        .and("why", "Recovered within " + rule.delayMinutes + " min"));
        OutboxEntry.update("status = :status, lastError = :why where " + sameSubject
                        + " and kind = 'ESCALATION' and status = 'PENDING'",
                subject(stored, null, null).and("status", OutboxEntry.CANCELLED).and("why", "Recovered before the escalation"));
        Optional<OutboxEntry> lastDown = OutboxEntry.<OutboxEntry>find(sameRule + " and kind = 'DOWN' and status = 'SENT'"
                + " order by happenedAt desc", subject(stored, rule, channelId)).firstResultOptional();
        if (held || lastDown.isEmpty() || OutboxEntry.count(sameRule + " and kind = 'RECOVERED' and happenedAt >= :since",
                subject(stored, rule, channelId).and("since", lastDown.get().happenedAt)) > 0) {
            return;
        }
        add(stored, rule, channelId, key + ":up", OutboxEntry.Kind.RECOVERED, clock.instant(),
                message(stored, facts, zone, Duration.between(lastDown.get().happenedAt, event.at()), null));
    }

    /** The named parameters of the event's subject (and, when given, the rule and channel). */
    private static Parameters subject(EventStored stored, NotificationRule rule, Long channelId) {
        Parameters parameters = Parameters.with("tenant", stored.tenantId()).and("agent", stored.event().agentId());
        if (stored.event().deviceId() != null) {
            parameters.and("device", stored.event().deviceId());
        }
        if (rule != null) {
            parameters.and("rule", rule.id).and("channel", channelId);
        }
        return parameters;
    }

    private OutboxEntry add(EventStored stored, NotificationRule rule, long channelId, String key, OutboxEntry.Kind kind,
                            Instant due, NotificationMessage message) {
        OutboxEntry entry = new OutboxEntry();
        entry.tenantId = stored.tenantId();
        entry.ruleId = rule.id;
        entry.channelId = channelId;
        entry.eventId = stored.eventId();
        entry.idempotencyKey = key;
        entry.kind = kind.name();
        entry.agentId = stored.event().agentId();
        entry.deviceId = stored.event().deviceId();
        entry.vital = stored.vital();
        entry.happenedAt = stored.event().at();
        entry.message = write(message);
        entry.dueAt = due;
        entry.status = OutboxEntry.PENDING;
        entry.nextAttemptAt = due;
        entry.createdAt = clock.instant();
        entry.persist();
        return entry;
    }

    private NotificationMessage message(EventStored stored, Facts facts, ZoneId zone, Duration downtime, String ackToken) {
        WebhookEvent event = stored.event();
        String owner = annotations.notesOf(stored.tenantId(), event.agentId(), event.deviceId() == null ? 0 : event.deviceId())
                .owner();
        String path = "/agents/" + event.agentId() + (event.deviceId() == null ? "" : "/devices/" + event.deviceId());
        String what = downtime != null ? "Back up" : event.kind() == EventKind.DEVICE_STATUS || event.kind() == EventKind.AGENT_STATUS
                ? ("DOWN".equals(RuleMatch.upDown(event)) ? "Down" : "Up") : event.summary();
        return new NotificationMessage(what, facts.team(), stored.agentName() == null ? "Site " + event.agentId()
                : stored.agentName(), event.deviceId() == null ? null : stored.deviceName() == null
                ? "Device " + event.deviceId() : stored.deviceName(), WHEN.format(event.at().atZone(zone)),
                downtime == null ? null : Ago.lasted(downtime), owner.isBlank() ? null : owner, publicUrl.of(path),
                ackToken == null ? null : publicUrl.of(AckResource.PATH + ackToken));
    }

    String write(NotificationMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
