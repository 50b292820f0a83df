package io.sitedeck.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 6: a session ends with its epoch, its member's state, and its absolute lifetime;
 * issue 20: and with its tenant; a switch keeps the sign-in time.
 */
class SessionTokenTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-04T08:00:00Z");

    private static SessionMember member(long id, int epoch, boolean enabled, boolean tenantEnabled) {
        return member(id, 1L, epoch, enabled, tenantEnabled, true);
    }

    private static SessionMember member(long id, long tenant, int epoch, boolean enabled, boolean tenantEnabled,
                                        boolean passwords) {
        return new SessionMember(id, 70L, tenant, "Acme", tenantEnabled, passwords, "a@acme.example", Role.ADMIN,
                enabled, epoch, true, false, 2, false, false);
    }

    @Test
    void roundTripsThroughTheCookiesPrincipal() {
        SessionToken token = SessionToken.issue(member(7, 3, true, true), SIGNED_IN, false);
        assertEquals(Optional.of(token), SessionToken.parse(token.text()));
        SessionToken choosing = SessionToken.issue(member(7, 3, true, true), SIGNED_IN, true);
        assertEquals(Optional.of(choosing), SessionToken.parse(choosing.text()));
        assertTrue(SessionToken.parse(choosing.text()).orElseThrow().choosing());
        assertEquals(Optional.empty(), SessionToken.parse("someone@example.com"), "an old email principal is no session");
        assertEquals(Optional.empty(), SessionToken.parse("s1.x.y.z"));
        assertEquals(Optional.empty(), SessionToken.parse("s1.1.2.3.x"));
    }

    @Test
    void endsWithTheEpochTheMemberTheTenantAndTheLifetime() {
        SessionToken token = SessionToken.issue(member(7, 3, true, true), SIGNED_IN, false);
        Duration lifetime = Duration.ofHours(12);
        assertTrue(token.validFor(member(7, 3, true, true), lifetime, SIGNED_IN.plus(Duration.ofHours(11))));
        assertFalse(token.validFor(member(7, 3, true, true), lifetime, SIGNED_IN.plus(Duration.ofHours(12))),
                "absolute lifetime");
        assertFalse(token.validFor(member(7, 4, true, true), lifetime, SIGNED_IN.plusSeconds(60)),
                "sign-out moved the epoch");
        assertFalse(token.validFor(member(7, 3, false, true), lifetime, SIGNED_IN.plusSeconds(60)), "member disabled");
        assertFalse(token.validFor(member(7, 3, true, false), lifetime, SIGNED_IN.plusSeconds(60)), "tenant disabled");
        assertFalse(token.validFor(member(8, 3, true, true), lifetime, SIGNED_IN.plusSeconds(60)), "another member");
    }

    @Test
    void aSingleSignOnEndsWithTheProvidersTokenAndOpensItsTenantOnly() {
        Instant expiry = SIGNED_IN.plus(Duration.ofMinutes(50));
        SessionToken sso = SessionToken.singleSignOn(member(7, 5L, 3, true, true, false), SIGNED_IN, expiry);
        assertEquals(Optional.of(sso), SessionToken.parse(sso.text()));
        Duration lifetime = Duration.ofHours(12);
        assertTrue(sso.validFor(member(7, 5L, 3, true, true, false), lifetime, SIGNED_IN.plus(Duration.ofMinutes(49))),
                "password sign-in off does not matter to a single sign-on");
        assertFalse(sso.validFor(member(7, 5L, 3, true, true, false), lifetime, expiry), "the provider's token expired");
        assertFalse(sso.admits(member(9, 6L, 0, true, true, true)), "another tenant is not opened by this provider");
        SessionToken password = SessionToken.issue(member(7, 5L, 3, true, true, true), SIGNED_IN, false);
        assertFalse(password.validFor(member(7, 5L, 3, true, true, false), lifetime, SIGNED_IN.plusSeconds(60)),
                "a password session ends when its tenant switches passwords off");
        assertEquals(Optional.empty(), SessionToken.parse("s1.1.2.3.o5"));
        assertEquals(Optional.empty(), SessionToken.parse("s1.1.2.3.c.c"));
    }

    @Test
    void aSwitchMovesTheSessionButKeepsItsSignInTime() {
        SessionToken choosing = SessionToken.issue(member(7, 3, true, true), SIGNED_IN, true);
        SessionToken moved = choosing.movedTo(member(9, 0, true, true));
        assertEquals(9, moved.userId());
        assertEquals(SIGNED_IN, moved.signedInAt(), "switching never extends the session's life");
        assertFalse(moved.choosing());
        assertFalse(moved.validFor(member(9, 0, true, true), Duration.ofHours(12), SIGNED_IN.plus(Duration.ofHours(13))));
    }
}
