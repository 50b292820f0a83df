import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sitedeck.domotz.DomotzJson;
import io.sitedeck.domotz.model.RtdSample;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What reading one device's week of RTD samples (672, as the sandbox and Domotz send them: timestamps in Z, figures
 * as strings) costs Sitedeck's reader, next to the general readers in the same run (Jackson with java.time's
 * JavaTimeModule and its own number check): heap allocated and time per answer, and the ratios. See docs/benchmarks.md.
 * Run: bench/parse-cost.sh
 */
public class ParseCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        byte[] week = week();
        ObjectMapper general = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ObjectMapper sitedeck = new ObjectMapper().registerModule(new JavaTimeModule());
        new DomotzJson().customize(sitedeck);
        if (!general.readValue(week, SAMPLES).toString().equals(sitedeck.readValue(week, SAMPLES).toString())) {
            throw new IllegalStateException("the two readers disagree");
        }
        double[] before = cost(general, week, rounds);
        double[] after = cost(sitedeck, week, rounds);
        System.out.printf(Locale.ROOT, "one week of RTD samples: %d samples, %.1f KB of JSON, %d reads each after as many to warm up%n",
                672, week.length / 1024.0, rounds);
        System.out.printf(Locale.ROOT, "%-32s %12s %10s%n", "reader", "KB allocated", "µs");
        System.out.printf(Locale.ROOT, "%-32s %12.0f %10.0f%n", "general (java.time, Jackson)", before[0], before[1]);
        System.out.printf(Locale.ROOT, "%-32s %12.0f %10.0f%n", "Sitedeck (DomotzJson)", after[0], after[1]);
        System.out.printf(Locale.ROOT, "ratio general / Sitedeck: %.1f× the heap, %.1f× the time%n",
                before[0] / after[0], before[1] / after[1]);
    }

    private static final TypeReference<List<RtdSample>> SAMPLES = new TypeReference<>() {};

    /** KB allocated and µs per read, on this thread, after as many reads to warm up. */
    private static double[] cost(ObjectMapper mapper, byte[] json, int rounds) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds; i++) {
            mapper.readValue(json, SAMPLES);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            mapper.readValue(json, SAMPLES);
        }
        long nanos = System.nanoTime() - start;
        return new double[] {(threads.getCurrentThreadAllocatedBytes() - bytes) / 1024.0 / rounds, nanos / 1e3 / rounds};
    }

    private static byte[] week() {
        StringBuilder json = new StringBuilder("[");
        Instant at = Instant.parse("2026-11-29T00:00:00Z");
        for (int i = 0; i < 672; i++) {
            json.append(i == 0 ? "" : ",").append("{\"timestamp\":\"").append(at.plusSeconds(900L * i))
                    .append("\",\"min\":\"1").append(i % 10).append(".5\",\"median\":\"15.25\",\"max\":\"3").append(i % 7)
                    .append(".75\",\"lost_packet_count\":").append(i % 3).append(",\"sent_packet_count\":30}");
        }
        return json.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
