package io.sitedeck.account.factor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's passkey: its credential id and public key (base64url), and the authenticator's signature counter. */
@Entity
@Table(name = "passkey")
public class Passkey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "credential_id", nullable = false)
    public String credentialId;

    /** webauthn4j's attested credential data (AAGUID, credential id, COSE public key), base64url. */
    @Column(name = "credential_data", nullable = false)
    public String credentialData;

    @Column(name = "sign_count", nullable = false)
    public long signCount;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
