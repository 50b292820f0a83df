package io.sitedeck.account.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #20: RFC 6238 codes, one step of drift either way, never the same step twice, never an older one. */
class TotpTest {

    /** RFC 6238's SHA-1 test secret ("12345678901234567890") in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void makesTheRfcTestVectorsCodes() {
        // The RFC lists eight digits; six are their last six.
        assertEquals("287082", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("005924", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000))));
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideOnly() {
        Instant now = Instant.parse("2026-12-05T10:00:10Z");
        long step = Totp.step(now);
        assertEquals(Optional.of(step), Totp.accepted(RFC_SECRET, Totp.code(RFC_SECRET, step), now, null));
        assertEquals(Optional.of(step - 1), Totp.accepted(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, null));
        assertEquals(Optional.of(step + 1), Totp.accepted(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, null));
        assertEquals(Optional.empty(), Totp.accepted(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, null), "expired");
        assertEquals(Optional.empty(), Totp.accepted(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, null));
        String spaced = Totp.code(RFC_SECRET, step).substring(0, 3) + " " + Totp.code(RFC_SECRET, step).substring(3);
        assertEquals(Optional.of(step), Totp.accepted(RFC_SECRET, spaced, now, null), "typed with a space");
        assertEquals(Optional.empty(), Totp.accepted(RFC_SECRET, "12345a", now, null));
        assertEquals(Optional.empty(), Totp.accepted(RFC_SECRET, null, now, null));
    }

    @Test
    void aCodeWorksOnceAndNeverAnOlderOne() {
        Instant now = Instant.parse("2026-12-05T10:00:10Z");
        long step = Totp.step(now);
        String code = Totp.code(RFC_SECRET, step);
        assertEquals(Optional.empty(), Totp.accepted(RFC_SECRET, code, now, step), "reused");
        assertEquals(Optional.empty(), Totp.accepted(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step),
                "older than the last one used");
        assertEquals(Optional.of(step + 1), Totp.accepted(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step));
    }

    @Test
    void theAppReadsAnOtpauthUri() {
        String uri = Totp.uri("anna@harbor-it.example", RFC_SECRET);
        assertEquals("otpauth://totp/Sitedeck%3Aanna%40harbor-it.example?secret=" + RFC_SECRET
                + "&issuer=Sitedeck&algorithm=SHA1&digits=6&period=30", uri);
        assertTrue(Totp.newSecret().matches("[A-Z2-7]{32}"));
    }
}
