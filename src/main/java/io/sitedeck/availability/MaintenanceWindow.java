package io.sitedeck.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A maintenance window of one tenant on one site (table maintenance_window); its times are a {@link MaintenanceSchedule}. */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends PanacheEntityBase {

    /** What the window covers on its site. */
    public enum Covers { SITE, DEVICES, TAG }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "covers_what", nullable = false, length = 10)
    public Covers covers;

    /** Comma-separated device ids (covers DEVICES). */
    @Column(name = "device_ids", length = 2000)
    public String deviceIds;

    /** A team tag (covers TAG). */
    @Column(length = 100)
    public String tag;

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_kind", nullable = false, length = 10)
    public MaintenanceSchedule.Kind kind;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    /** Comma-separated days of the week (WEEKLY), e.g. SATURDAY,SUNDAY. */
    @Column(name = "week_days", length = 40)
    public String weekDays;

    @Column(name = "day_of_month")
    public Integer dayOfMonth;

    /** HH:mm, local time of {@link #zone} (recurring). */
    @Column(name = "start_time", length = 5)
    public String startTime;

    @Column(name = "length_minutes", nullable = false)
    public int lengthMinutes;

    @Column(name = "site_zone", nullable = false, length = 60)
    public String zone;

    @Column(name = "created_by", nullable = false, length = 254)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by", length = 254)
    public String endedBy;

    public MaintenanceSchedule schedule() {
        return switch (kind) {
            case ONCE -> MaintenanceSchedule.once(startsAt, endsAt);
            case WEEKLY -> MaintenanceSchedule.weekly(days(), LocalTime.parse(startTime), Duration.ofMinutes(lengthMinutes));
            case MONTHLY -> MaintenanceSchedule.monthly(dayOfMonth, LocalTime.parse(startTime), Duration.ofMinutes(lengthMinutes));
        };
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public Set<DayOfWeek> days() {
        return weekDays == null || weekDays.isBlank() ? Set.of()
                : Arrays.stream(weekDays.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
    }

    public List<Integer> devices() {
        return deviceIds == null || deviceIds.isBlank() ? List.of()
                : Arrays.stream(deviceIds.split(",")).map(Integer::valueOf).toList();
    }

    /** Whether it covers this device (0: the site itself, covered only by a site-wide window), given its team tags. */
    public boolean covers(int deviceId, List<String> tags) {
        return switch (covers) {
            case SITE -> true;
            case DEVICES -> deviceId != 0 && devices().contains(deviceId);
            case TAG -> deviceId != 0 && tags.contains(tag);
        };
    }

    /** On at this instant (and not ended early). */
    public boolean activeAt(Instant at) {
        return (endedAt == null || at.isBefore(endedAt)) && schedule().activeAt(at, zoneId());
    }

    static List<MaintenanceWindow> ofSite(long tenantId, int agentId) {
        return list("tenantId = ?1 and agentId = ?2 order by createdAt desc", tenantId, agentId);
    }

    static List<MaintenanceWindow> ofTenant(long tenantId) {
        return list("tenantId = ?1 and endedAt is null", tenantId);
    }

    static Optional<MaintenanceWindow> inTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }
}
