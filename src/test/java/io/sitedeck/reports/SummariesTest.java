package io.sitedeck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitedeck.domotz.Budget;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.SpeedSample;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report's summaries (median, nearest-rank percentile, speed) and its budget rule. */
class SummariesTest {

    private static final Instant T = Instant.parse("2026-11-03T10:00:00Z");

    @ParameterizedTest(name = "{0}: median {1}, p95 {2}")
    @CsvSource({
            "'5', 5.0, 5.0",
            "'3 1 2', 2.0, 3.0",
            "'4 1 3 2', 2.5, 4.0",
            // 20 values 1..20: the 95th percentile is the 19th smallest
            "'1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20', 10.5, 19.0",
    })
    void medianAndPercentile(String values, double median, double p95) {
        List<Double> list = Arrays.stream(values.split(" ")).map(Double::valueOf).toList();
        assertEquals(Optional.of(median), Summaries.median(list));
        assertEquals(Optional.of(p95), Summaries.percentile(list, 95));
    }

    @Test
    void noValuesNoFigure() {
        assertEquals(Optional.empty(), Summaries.median(List.of()));
        assertEquals(new ReportContent.RtdLine("Router", "no samples", "—", 0), Summaries.rtd("Router", List.of()));
    }

    @Test
    void rtdCountsTheSamplesMediansAndSkipsEmptyOnes() {
        List<RtdSample> samples = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> new RtdSample(T.plusSeconds(i * 900L), 0.5, (double) i, 40.0, 0, 5)).toList();
        List<RtdSample> withGap = new java.util.ArrayList<>(samples);
        withGap.add(new RtdSample(T, null, null, null, 5, 5));
        assertEquals(new ReportContent.RtdLine("Router", "10.5 ms", "19.0 ms", 20), Summaries.rtd("Router", withGap));
    }

    @Test
    void speedTests() {
        List<SpeedSample> samples = List.of(new SpeedSample(T, List.of(100_000_000L, 20_000_000L)),
                new SpeedSample(T, List.of(80_000_000L, 10_000_000L)), new SpeedSample(T, List.of(90_000_000L, 30_000_000L)));
        assertEquals(new ReportContent.Speed(3, "90.0 Mbit/s", "20.0 Mbit/s", "80.0 Mbit/s"), Summaries.speed(samples));
        assertEquals(new ReportContent.Speed(0, "—", "—", "—"), Summaries.speed(List.of()));
    }

    @ParameterizedTest(name = "limit {0}, left {1}, cost {2}: affordable {3}")
    @CsvSource({
            "1000, 500, 40, true",
            // the last tenth of the day stays for people: 100 of 1000
            "1000, 140, 40, true",
            "1000, 139, 40, false",
            "5, 3, 6, false",
    })
    void aReportSpendsTheBudgetDownToATenth(int limit, int left, int calls, boolean affordable) {
        Budget.View view = new Budget.View(limit, limit - left, left, 1.0, 0, 0, T, null);
        ReportCost.Estimate estimate = ReportCost.afford(view, calls, T);
        assertEquals(affordable, estimate.affordable(), String.valueOf(estimate.refusal()));
    }

    @Test
    void aPausedKeyAffordsNothingAndAnUnknownBudgetDoesNotStopAReport() {
        assertEquals(false, ReportCost.afford(new Budget.View(1000, 0, 1000, 1.0, 0, 0, T, T.plusSeconds(60)), 3, T)
                .affordable());
        assertEquals(true, ReportCost.afford(new Budget.View(null, null, null, 1.0, 0, 0, null, null), 300, T).affordable());
    }
}
