package io.sitedeck.account.factor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A challenge Sitedeck gave a browser for one passkey ceremony: found again by its value in the
 * authenticator's signed client data, used once, expiring within minutes. No cookie carries it.
 */
@Entity
@Table(name = "webauthn_challenge")
public class WebAuthnChallenge extends PanacheEntityBase {

    @Id
    public String challenge;

    /** Whose ceremony (null for a sign-in that starts without knowing who). */
    @Column(name = "person_id")
    public Long personId;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
