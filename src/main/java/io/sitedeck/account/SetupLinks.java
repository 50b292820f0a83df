package io.sitedeck.account;

import io.sitedeck.shared.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One-time links to join a tenant; only a hash of the token is stored. Every new membership gets
 * one, whoever the person is: someone new chooses their password with it, someone who already has
 * an account on the install enters the password they have (so the link alone never lets its holder
 * into anyone's account, and the admin who added the email learns nothing about other tenants).
 */
@ApplicationScoped
public class SetupLinks {

    @Inject
    Clock clock;

    static final Duration VALIDITY = Duration.ofDays(7);

    /** Issues a new link for the membership (any older one stops working) and returns its path. */
    public String issue(AppUser member) {
        String token = Secrets.newToken();
        member.setupTokenHash = Secrets.sha256Hex(token);
        member.setupExpiresAt = clock.instant().plus(VALIDITY);
        return "/welcome/" + token;
    }

    /** The enabled membership this unused, unexpired token belongs to. */
    Optional<AppUser> redeemable(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return AppUser.<AppUser>find("setupTokenHash", Secrets.sha256Hex(token)).firstResultOptional()
                .filter(member -> member.enabled && member.setupExpiresAt != null
                        && member.setupExpiresAt.isAfter(clock.instant()));
    }

    /** Follows the link: the membership is joined and the link used up. */
    void joined(AppUser member) {
        member.joinedAt = clock.instant();
        member.setupTokenHash = null;
        member.setupExpiresAt = null;
    }
}
