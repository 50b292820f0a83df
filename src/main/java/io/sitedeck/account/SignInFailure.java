package io.sitedeck.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One counter of recent sign-in failures (per email, per address, or per both); see {@link LoginThrottle}. */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailure extends PanacheEntityBase {

    /** {@code e:}, {@code a:} or {@code p:} and a digest: no email or address is stored in clear. */
    @Id
    @Column(name = "throttle_key")
    public String throttleKey;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure", nullable = false)
    public Instant lastFailure;

    @Column(name = "wait_until", nullable = false)
    public Instant waitUntil;
}
