package io.sitedeck.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13, item 6: a session ends with its epoch, its member's state, and its absolute lifetime. */
class SessionTokenTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-04T08:00:00Z");

    private static AppUser member() {
        AppUser user = new AppUser();
        user.id = 7L;
        user.enabled = true;
        user.passwordHash = "$2a$…";
        user.sessionEpoch = 3;
        return user;
    }

    @Test
    void roundTripsThroughTheCookiesPrincipal() {
        SessionToken token = SessionToken.issue(member(), SIGNED_IN);
        assertEquals(Optional.of(token), SessionToken.parse(token.text()));
        assertEquals(Optional.empty(), SessionToken.parse("someone@example.com"), "an old email principal is no session");
        assertEquals(Optional.empty(), SessionToken.parse("s1.x.y.z"));
    }

    @Test
    void endsWithTheEpochTheMemberAndTheLifetime() {
        AppUser member = member();
        SessionToken token = SessionToken.issue(member, SIGNED_IN);
        Duration lifetime = Duration.ofHours(12);
        assertTrue(token.validFor(member, lifetime, SIGNED_IN.plus(Duration.ofHours(11))));
        assertFalse(token.validFor(member, lifetime, SIGNED_IN.plus(Duration.ofHours(12))), "absolute lifetime");
        member.sessionEpoch++; // what Sessions.end does to the member
        assertFalse(token.validFor(member, lifetime, SIGNED_IN.plusSeconds(60)), "sign-out moved the epoch");
        AppUser disabled = member();
        disabled.enabled = false;
        assertFalse(token.validFor(disabled, lifetime, SIGNED_IN.plusSeconds(60)));
    }
}
