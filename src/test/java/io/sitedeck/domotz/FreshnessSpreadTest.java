package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessSpreadTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Instant FETCHED = Instant.parse("2026-12-06T06:00:00.123Z");

    @Test
    void answersFetchedInTheSameMomentExpireAcrossTheWholeWindowNeverAfterTheirTtl() {
        FreshnessSpread spread = new FreshnessSpread(0.2);
        int[] perSecond = new int[12]; // 48 s .. 60 s
        for (int device = 0; device < 1_000; device++) {
            long freshFor = spread.freshFor(TTL, key(device), FETCHED).toMillis();
            assertTrue(freshFor > 48_000 && freshFor <= 60_000, "within 80-100 % of the TTL: " + freshFor);
            perSecond[(int) ((freshFor - 48_000) / 1_000)]++;
        }
        for (int second = 0; second < perSecond.length; second++) {
            // 1,000 answers over 12 seconds: about 83 a second; a wave would put them all in one.
            assertTrue(perSecond[second] > 40 && perSecond[second] < 130,
                    "answers falling due in second " + (48 + second) + ": " + perSecond[second]);
        }
    }

    @Test
    void anAnswerIsJudgedAlikeByEveryReadAndChangesWithEachFetch() {
        FreshnessSpread spread = new FreshnessSpread(0.2);
        assertEquals(spread.freshFor(TTL, key(7), FETCHED), new FreshnessSpread(0.2).freshFor(TTL, key(7), FETCHED),
                "the same answer, read again or by another instance");
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(s -> spread.freshFor(TTL, key(7), FETCHED.plusSeconds(s))).distinct().count();
        assertTrue(distinct > 40, "the same read fetched again gets its own share: " + distinct);
    }

    @Test
    void noSpreadKeepsTheTtlAndABadSettingIsRefused() {
        assertEquals(TTL, new FreshnessSpread(0).freshFor(TTL, key(1), FETCHED));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessSpread(1));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessSpread(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessSpread(Double.NaN));
    }

    private static CallKey key(int device) {
        return new CallKey("https://cell.example/public-api/v1", "scope", "getDevice", 5000, device, List.of());
    }
}
