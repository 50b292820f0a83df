package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache of answers in memory is bounded by what its answers weigh, not by how many there are (plain unit test). */
class AnswerWeightTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void anAnswerWeighsWhatItsJsonWeighs() throws Exception {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < 672; i++) {
            samples.add(Map.of("timestamp", "2026-12-05T10:00:00Z", "median", 12.5 + i, "lost_packet_count", 0));
        }
        assertEquals(JSON.writeValueAsBytes(samples).length, AnswerWeight.of(JSON, samples));
        assertEquals(2, AnswerWeight.of(JSON, List.of()));
        assertEquals(AnswerWeight.UNKNOWN, AnswerWeight.of(JSON, new Object()), "no JSON: a fixed weight, still cached");
    }

    @Test
    void largeAnswersPushTheLeastUsedOutOnceTheBoundIsReached() {
        long bound = 200_000;
        LocalAnswers answers = new LocalAnswers(bound, JSON, Duration.ofHours(24), Duration.ofDays(1), CLOCK);
        String tenKilobytes = String.join("", Collections.nCopies(10_000, "x"));
        int stored = 0;
        for (int device = 0; device < 100; device++) {
            answers.put(key(device), new UpstreamCache.Stamped(List.of(tenKilobytes), NOW));
            stored++;
        }
        long weight = answers.weight();
        assertTrue(weight <= bound, "the answers weigh " + weight + " bytes, more than the bound " + bound);
        assertTrue(weight > bound / 2, "the cache is used up to its bound, not emptied: " + weight);
        int kept = 0;
        for (int device = 0; device < stored; device++) {
            kept += answers.get(key(device)) == null ? 0 : 1;
        }
        assertTrue(kept >= 10 && kept <= 20, "about bound / 10 KB answers are kept, not all 100: " + kept);
    }

    @Test
    void manySmallAnswersAreNotLimitedByTheirNumber() {
        LocalAnswers answers = new LocalAnswers(10_000_000, JSON, Duration.ofHours(24), Duration.ofDays(1), CLOCK);
        for (int device = 0; device < 25_000; device++) {
            answers.put(key(device), new UpstreamCache.Stamped(List.of(), NOW));
        }
        assertNotNull(answers.get(key(0)));
        assertNotNull(answers.get(key(24_999)));
        assertEquals(25_000L * (AnswerWeight.ENTRY + 2), answers.weight());
    }

    @Test
    void anAnswerHeavierThanTheWholeBoundIsNotKept() {
        LocalAnswers answers = new LocalAnswers(5_000, JSON, Duration.ofHours(24), Duration.ofDays(1), CLOCK);
        answers.put(key(1), new UpstreamCache.Stamped(List.of(String.join("", Collections.nCopies(6_000, "x"))), NOW));
        answers.weight();
        assertNull(answers.get(key(1)));
    }

    private static CallKey key(int device) {
        return new CallKey("https://cell.example/public-api/v1", "scope", "getDeviceRTDHistory", 5000, device, List.of());
    }
}
