package io.sitedeck.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events notify which channels (table notification_rule), with its noise rules: a DOWN is sent only once it
 * lasted {@link #delayMinutes}; nothing in quiet hours (local times of the tenant's zone; from after to: over
 * midnight); a vital DOWN not acknowledged within {@link #escalateAfterMinutes} also goes to the escalation channel.
 * Empty lists match anything.
 */
@Entity
@Table(name = "notification_rule")
public class NotificationRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false, length = 120)
    public String name;

    /** Wire names of the event kinds, comma-separated; empty: every kind. */
    @Column(name = "event_kinds", nullable = false, length = 400)
    public String eventKinds;

    /** Agent ids, comma-separated; empty: every site. */
    @Column(name = "agent_ids", nullable = false, length = 2000)
    public String agentIds;

    @Column(length = 300)
    public String team;

    @Column(length = 60)
    public String tag;

    @Column(name = "vital_only", nullable = false)
    public boolean vitalOnly;

    @Column(name = "delay_minutes", nullable = false)
    public int delayMinutes;

    /** Channel ids, comma-separated. */
    @Column(name = "channel_ids", nullable = false, length = 400)
    public String channelIds;

    @Column(name = "escalate_channel_id")
    public Long escalateChannelId;

    @Column(name = "escalate_after_minutes", nullable = false)
    public int escalateAfterMinutes;

    @Column(name = "quiet_from", length = 5)
    public String quietFrom;

    @Column(name = "quiet_to", length = 5)
    public String quietTo;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean active;

    Set<String> kinds() {
        return split(eventKinds);
    }

    Set<Integer> agents() {
        return split(agentIds).stream().map(Integer::valueOf).collect(Collectors.toSet());
    }

    List<Long> channels() {
        return split(channelIds).stream().map(Long::valueOf).sorted().toList();
    }

    Optional<QuietHours> quietHours() {
        return quietFrom == null || quietTo == null ? Optional.empty()
                : Optional.of(new QuietHours(LocalTime.parse(quietFrom), LocalTime.parse(quietTo)));
    }

    static List<NotificationRule> activeOf(long tenantId) {
        return list("tenantId = ?1 and active = true order by id", tenantId);
    }

    static List<NotificationRule> ofTenant(long tenantId) {
        return list("tenantId = ?1 order by active desc, name, id", tenantId);
    }

    static Optional<NotificationRule> inTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    private static Set<String> split(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
