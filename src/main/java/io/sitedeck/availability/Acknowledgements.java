package io.sitedeck.availability;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Acknowledgements of DOWN devices, the signed-in member's tenant's only; making one is audited. */
@ApplicationScoped
public class Acknowledgements {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    @Inject
    Clock clock;

    private final CurrentUser user;
    private final AuditLog audit;

    Acknowledgements(CurrentUser user, AuditLog audit) {
        this.user = user;
        this.audit = audit;
    }

    /** The acknowledgement that holds for the device, down since {@code downSince} (null: it is not down). */
    public Optional<DeviceAcknowledgement> holding(int agentId, int deviceId, Instant downSince) {
        Instant now = clock.instant();
        return DeviceAcknowledgement.ofDevice(user.tenantId(), agentId, deviceId).stream()
                .filter(a -> a.holds(downSince, now)).findFirst();
    }

    /** The tenant's acknowledgements that may hold, to mark many devices at once (the NOC page). */
    public Current current(long tenantId) {
        Instant now = clock.instant();
        return new Current(DeviceAcknowledgement.current(tenantId, now), now);
    }

    /** Acknowledgements that may hold now. */
    public record Current(List<DeviceAcknowledgement> acknowledgements, Instant now) {
        public Optional<DeviceAcknowledgement> of(int agentId, int deviceId, Instant downSince) {
            return acknowledgements.stream().filter(a -> a.agentId == agentId && a.deviceId == deviceId)
                    .filter(a -> a.holds(downSince, now)).findFirst();
        }
    }

    @Transactional
    public DeviceAcknowledgement acknowledge(int agentId, int deviceId, String note, Instant untilAt) {
        return acknowledge(user.tenantId(), user.email(), agentId, deviceId, note, untilAt);
    }

    /** The same for a tenant outside a sign-in (a notification's acknowledgement link), by whoever {@code by} names. */
    @Transactional
    public DeviceAcknowledgement acknowledge(long tenantId, String by, int agentId, int deviceId, String note,
                                             Instant untilAt) {
        DeviceAcknowledgement ack = new DeviceAcknowledgement();
        ack.tenantId = tenantId;
        ack.agentId = agentId;
        ack.deviceId = deviceId;
        ack.note = note;
        ack.madeBy = by;
        ack.madeAt = clock.instant();
        ack.untilAt = untilAt;
        ack.persist();
        audit.record(tenantId, by, "device.acknowledge", "agent " + agentId + " device " + deviceId, "ok: " + note);
        return ack;
    }

    /** "Acknowledged by anna@… at 10 Nov 09:12: ISP ticket 4411 (until it recovers)", in the site's zone. */
    public static String describe(DeviceAcknowledgement a, ZoneId zone) {
        return "Acknowledged by " + a.madeBy + " at " + WHEN.format(a.madeAt.atZone(zone)) + ": " + a.note + " ("
                + (a.untilAt == null ? "until it recovers" : "until " + WHEN.format(a.untilAt.atZone(zone))) + ")";
    }
}
