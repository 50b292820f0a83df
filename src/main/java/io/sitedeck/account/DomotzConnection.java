package io.sitedeck.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One user's Domotz API key for one cell. The key is stored encrypted ({@link KeyVault}); only
 * its last four characters are kept in clear, for the masked display.
 */
@Entity
@Table(name = "domotz_connection")
public class DomotzConnection extends PanacheEntityBase {

    /** The cookie naming the connection every page uses (switched on any page, see ConnectionsResource.use). */
    public static final String IN_USE_COOKIE = "sitedeck-connection";

    /** The base URL stored for the embedded sandbox, resolved to this server at each call. */
    public static final String EMBEDDED_SANDBOX = "embedded:sandbox";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false)
    public String name;

    @Column(name = "base_url", nullable = false)
    public String baseUrl;

    @Column(name = "key_ciphertext", nullable = false)
    public String keyCiphertext;

    @Column(name = "key_last4", nullable = false)
    public String keyLast4;

    @Column(name = "domotz_user_id")
    public Integer domotzUserId;

    @Column(name = "domotz_user")
    public String domotzUser;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The signed-in user's own connections; nobody else's, whatever the id. */
    public static List<DomotzConnection> of(CurrentUser user) {
        return list("tenantId = ?1 and userId = ?2 order by name", user.tenantId(), user.id());
    }

    public static Optional<DomotzConnection> of(CurrentUser user, long id) {
        return find("id = ?1 and tenantId = ?2 and userId = ?3", id, user.tenantId(), user.id()).firstResultOptional();
    }

    public String maskedKey() {
        return "••••" + keyLast4;
    }

    public String cellLabel() {
        return Cell.labelOf(baseUrl);
    }
}
