package io.sitedeck.notifications;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.events.EventKind;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.Missing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The tenant's notification rules: read from the form (checked), saved and listed. */
@ApplicationScoped
public class Rules {

    @Inject
    Clock clock;

    /** A rule as the page lists it. */
    public record Row(long id, String name, String matches, String channels, String noise, boolean active) {
    }

    /** The form as sent. */
    public record Form(String name, List<String> kinds, String sites, String team, String tag, boolean vitalOnly,
                       String delay, List<String> channels, String escalateTo, String escalateAfter, String quietFrom,
                       String quietTo) {
    }

    private final CurrentUser user;
    private final AuditLog audit;

    Rules(CurrentUser user, AuditLog audit) {
        this.user = user;
        this.audit = audit;
    }

    @Transactional
    public NotificationRule add(Form form) {
        NotificationRule rule = new NotificationRule();
        rule.tenantId = user.tenantId();
        rule.name = form.name() == null ? "" : form.name().strip();
        if (rule.name.isEmpty() || rule.name.length() > 120) {
            throw new BadInput("A rule's name is 1 to 120 characters.");
        }
        List<String> kinds = form.kinds() == null ? List.of() : form.kinds();
        if (kinds.stream().anyMatch(k -> EventKind.of(k).isEmpty())) {
            throw new BadInput("Choose event kinds from the form.");
        }
        rule.eventKinds = String.join(",", kinds);
        rule.agentIds = ids(form.sites());
        rule.team = blankToNull(form.team(), 300);
        rule.tag = blankToNull(form.tag(), 60);
        rule.vitalOnly = form.vitalOnly();
        rule.delayMinutes = minutes(form.delay(), "The delay");
        List<Long> channelIds = new ArrayList<>();
        for (String id : form.channels() == null ? List.<String>of() : form.channels()) {
            channelIds.add(channel(id));
        }
        if (channelIds.isEmpty()) {
            throw new BadInput("Choose at least one channel.");
        }
        rule.channelIds = channelIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        rule.escalateChannelId = form.escalateTo() == null || form.escalateTo().isBlank() ? null : channel(form.escalateTo());
        rule.escalateAfterMinutes = rule.escalateChannelId == null ? 0 : minutes(form.escalateAfter(), "The escalation delay");
        rule.quietFrom = time(form.quietFrom());
        rule.quietTo = time(form.quietTo());
        if ((rule.quietFrom == null) != (rule.quietTo == null)) {
            throw new BadInput("Quiet hours need both a start and an end.");
        }
        rule.createdBy = user.email();
        rule.createdAt = clock.instant();
        rule.active = true;
        rule.persist();
        audit.record(user.tenantId(), user.email(), "notification.rule", "rule " + rule.id, "ok: " + rule.name);
        return rule;
    }

    @Transactional
    public NotificationRule switchOff(long id) {
        NotificationRule rule = NotificationRule.inTenant(user.tenantId(), id).orElseThrow(() -> new Missing("No such rule."));
        rule.active = false;
        audit.record(user.tenantId(), user.email(), "notification.rule-off", "rule " + rule.id, "ok: " + rule.name);
        return rule;
    }

    @Transactional
    public List<Row> rows(long tenantId) {
        return NotificationRule.ofTenant(tenantId).stream().map(r -> new Row(r.id, r.name, describe(r),
                r.channels().stream().map(id -> NotificationChannel.<NotificationChannel>findByIdOptional(id)
                        .map(c -> c.name).orElse("?")).collect(Collectors.joining(", ")), noise(r), r.active)).toList();
    }

    private static String describe(NotificationRule r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.kinds().isEmpty() ? "every event" : r.kinds().stream().sorted().collect(Collectors.joining(", ")));
        parts.add(r.agents().isEmpty() ? "every site" : "sites " + r.agentIds);
        if (r.team != null) {
            parts.add("team " + r.team);
        }
        if (r.tag != null) {
            parts.add("tag " + r.tag);
        }
        if (r.vitalOnly) {
            parts.add("vital devices");
        }
        return String.join(" · ", parts);
    }

    private static String noise(NotificationRule r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.delayMinutes == 0 ? "DOWN at once" : "DOWN after " + r.delayMinutes + " min");
        r.quietHours().ifPresent(q -> parts.add("quiet " + r.quietFrom + "–" + r.quietTo));
        if (r.escalateChannelId != null) {
            parts.add("escalates after " + r.escalateAfterMinutes + " min");
        }
        return String.join(" · ", parts);
    }

    private long channel(String id) {
        try {
            long channelId = Long.parseLong(id.strip());
            if (NotificationChannel.inTenant(user.tenantId(), channelId).filter(c -> c.active).isPresent()) {
                return channelId;
            }
        } catch (NumberFormatException unreadable) {
            // below
        }
        throw new BadInput("Choose channels from the form.");
    }

    private static String ids(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            List<Integer> ids = new ArrayList<>();
            for (String part : text.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    ids.add(Integer.parseInt(part.strip()));
                }
            }
            if (ids.size() > 200 || ids.stream().anyMatch(i -> i <= 0)) {
                throw new NumberFormatException();
            }
            return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        } catch (NumberFormatException unreadable) {
            throw new BadInput("Sites are agent ids separated by commas (at most 200).");
        }
    }

    private static int minutes(String text, String what) {
        try {
            int minutes = Integer.parseInt(text == null || text.isBlank() ? "0" : text.strip());
            if (minutes >= 0 && minutes <= 1440) {
                return minutes;
            }
        } catch (NumberFormatException unreadable) {
            // below
        }
        throw new BadInput(what + " is a number of minutes from 0 to 1440.");
    }

    private static String time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip()).toString();
        } catch (DateTimeParseException unreadable) {
            throw new BadInput("Quiet hours are written like 22:00 and 07:00.");
        }
    }

    private static String blankToNull(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > max) {
            throw new BadInput("A team or tag is at most " + max + " characters.");
        }
        return text.strip();
    }
}
