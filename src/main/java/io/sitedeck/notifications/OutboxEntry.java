package io.sitedeck.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One notification to send (table notification_outbox), written in the transaction of the event that caused it.
 * {@code dueAt}: not before (a DOWN waits for the rule's delay); PENDING until sent, CANCELLED when a recovery came
 * first (or an acknowledgement stopped an escalation, or the channel or rule was switched off), FAILED after the last
 * attempt. {@code sentWith}: the entry whose message carried this one (a burst collapsed into one message).
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntry extends PanacheEntityBase {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    /** What the message says: a device or site went down, came back, another event, an escalation, a test. */
    enum Kind { DOWN, RECOVERED, EVENT, ESCALATION, TEST }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "rule_id")
    public Long ruleId;

    @Column(name = "channel_id", nullable = false)
    public Long channelId;

    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "idempotency_key", nullable = false, length = 120)
    public String idempotencyKey;

    @Column(nullable = false, length = 12)
    public String kind;

    @Column(name = "agent_id")
    public Integer agentId;

    @Column(name = "device_id")
    public Integer deviceId;

    /** The device was VITAL when the event came: a DOWN of it may escalate. */
    @Column(nullable = false)
    public boolean vital;

    @Column(name = "happened_at", nullable = false)
    public Instant happenedAt;

    /** The message's facts as JSON ({@link NotificationMessage}); rendered per channel kind when sent. */
    @Column(nullable = false, length = 4000)
    public String message;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false, length = 10)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "sent_with")
    public Long sentWith;

    /** What went wrong last, in Sitedeck's words (never a receiver's answer). */
    @Column(name = "last_error", length = 300)
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * A device DOWN's acknowledgement link's secret (random, like a webhook URL's token): whoever holds the message
     * may acknowledge the device without signing in, until it recovers. Null for other entries.
     */
    @Column(name = "ack_token", length = 64)
    public String ackToken;

    Kind type() {
        return Kind.valueOf(kind);
    }
}
