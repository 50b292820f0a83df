package io.sitedeck.account;

import io.sitedeck.shared.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** One-time links for new members to set their password; only a hash of the token is stored. */
@ApplicationScoped
public class SetupLinks {

    @Inject
    Clock clock;

    static final Duration VALIDITY = Duration.ofDays(7);

    /** Issues a new link for the member (any older one stops working) and returns its path. */
    String issue(AppUser member) {
        String token = Secrets.newToken();
        member.setupTokenHash = Secrets.sha256Hex(token);
        member.setupExpiresAt = clock.instant().plus(VALIDITY);
        return "/welcome/" + token;
    }

    /** The member this unused, unexpired token belongs to. */
    Optional<AppUser> redeemable(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return AppUser.<AppUser>find("setupTokenHash", Secrets.sha256Hex(token)).firstResultOptional()
                .filter(user -> user.enabled && user.setupExpiresAt != null && user.setupExpiresAt.isAfter(clock.instant()));
    }
}
