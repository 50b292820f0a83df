package io.sitedeck.reports;

import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.SpeedSample;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report's summaries and figures as text, as pure logic (unit-tested in {@code SummariesTest}). Percentiles are
 * nearest-rank (the 95th of 20 samples is the 19th smallest), the median of an even count the mean of the middle two.
 */
final class Summaries {

    private Summaries() {
    }

    /** The median of the values; empty when there are none. */
    static Optional<Double> median(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    /** The nearest-rank percentile (0 < p ≤ 100); empty when there are no values. */
    static Optional<Double> percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }

    /** A vital device's RTD over the month, from its samples' medians. */
    static ReportContent.RtdLine rtd(String device, List<RtdSample> samples) {
        List<Double> medians = samples.stream().map(RtdSample::median).filter(Objects::nonNull).toList();
        return new ReportContent.RtdLine(device, median(medians).map(Summaries::ms).orElse("no samples"),
                percentile(medians, 95).map(Summaries::ms).orElse("—"), medians.size());
    }

    /** The site's speed tests over the month: how many, median download and upload, the lowest download. */
    static ReportContent.Speed speed(List<SpeedSample> samples) {
        List<Double> down = values(samples, SpeedSample::downloadBps);
        List<Double> up = values(samples, SpeedSample::uploadBps);
        return new ReportContent.Speed(samples.size(), median(down).map(Summaries::mbps).orElse("—"),
                median(up).map(Summaries::mbps).orElse("—"),
                down.stream().min(Double::compare).map(Summaries::mbps).orElse("—"));
    }

    private static List<Double> values(List<SpeedSample> samples, Function<SpeedSample, Long> value) {
        return samples.stream().map(value).filter(Objects::nonNull).map(Long::doubleValue).toList();
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String mbps(double bitsPerSecond) {
        return String.format(Locale.ROOT, "%.1f Mbit/s", bitsPerSecond / 1_000_000);
    }

    /** Three decimals: 99.931 %, the precision SLAs are written in; "no data" when nothing was seen. */
    static String percent(Optional<Double> availability) {
        return availability.map(a -> String.format(Locale.ROOT, "%.3f %%", a * 100)).orElse("no data");
    }

    static String hours(Duration d) {
        return String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
    }

}
