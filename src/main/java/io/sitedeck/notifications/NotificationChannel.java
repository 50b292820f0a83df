package io.sitedeck.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's notification channel (table notification_channel). The target — e-mail addresses, or a webhook URL,
 * which is itself a secret for Teams and Slack — and a webhook's signing secret are stored encrypted like API keys
 * ({@code account.KeyVault}); pages show {@link #targetHint} only.
 */
@Entity
@Table(name = "notification_channel")
public class NotificationChannel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false, length = 120)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ChannelKind kind;

    @Column(name = "target_ciphertext", nullable = false, length = 8000)
    public String targetCiphertext;

    @Column(name = "target_hint", nullable = false, length = 200)
    public String targetHint;

    @Column(name = "secret_ciphertext", length = 400)
    public String secretCiphertext;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean active;

    static Optional<NotificationChannel> inTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    static List<NotificationChannel> ofTenant(long tenantId) {
        return list("tenantId = ?1 order by name, id", tenantId);
    }
}
