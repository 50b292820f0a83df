import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet benchmark (issue #16), against a Sitedeck in front of the sandbox's large world:
 * <ol>
 *   <li>waits until the crawler has indexed every site it can read, and reports how long it took;</li>
 *   <li>50 signed-in users search (as typed in the header, and the results page) and open the NOC
 *       page, each starting at a random moment of its first think time, for a warm-up (not counted)
 *       and then N seconds, while a few signed-out clients open the sign-in page (the floor): p50/p99
 *       per kind, the p99 ratios to the sign-in page, and the cell's calls meanwhile, next to those a
 *       console without an index would make (one listDevices per site per view);</li>
 *   <li>webhook status changes, each timed from the POST until the NOC page's "down now" list has
 *       the device (through the event stream's fleet message, as the browser does).</li>
 * </ol>
 * Compiled with LoadDriver.java (its set-up, sign-in and HTTP helpers). Arguments: --sitedeck URL
 * --cell URL --users N --warmup N --seconds N --events N.
 */
public class FleetDriver {

    static final Pattern COMPLETENESS = Pattern.compile("(\\d+) of (\\d+) sites indexed");
    /** A tile's agent and its down count (not across into the next tile: a site not indexed yet has none). */
    static final Pattern TILE = Pattern.compile("data-agent=\"(\\d+)\">(?:(?!data-agent=).)*?<span class=\"counts\"><b>(\\d+)</b>",
            Pattern.DOTALL);
    static final Pattern WEBHOOK = Pattern.compile("/hooks/domotz/([A-Za-z0-9_-]{43})");
    static final List<String> WORDS = List.of("printer", "switch", "camera", "router", "nas", "phone", "laptop", "ups",
            "reception", "server", "hikvision", "ubiquiti", "3c:52:82", "ac-de-48");

    record Sample(String kind, double millis, boolean ok) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LoadDriver.Options o = new LoadDriver.Options(a.get("sitedeck"), a.get("cell"), "sandbox-demo-key",
                Integer.parseInt(a.getOrDefault("users", "50")), 0, Integer.parseInt(a.getOrDefault("seconds", "60")),
                0, 0, 0, false, null);
        HttpClient admin = LoadDriver.client(o);
        long start = System.nanoTime();
        LoadDriver.setUp(admin, o);
        int callsAtStart = LoadDriver.usage(o);
        int[] indexed = waitForTheIndex(admin, o);
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        int crawlCalls = LoadDriver.usage(o) - callsAtStart;
        System.out.printf("index: %d of %d sites in %.1f s, %d cell calls (%.1f calls/s)%n", indexed[0], indexed[1],
                fillSeconds, crawlCalls, crawlCalls / fillSeconds);

        List<String> addresses = addresses(admin, o);
        int selfCount = LoadDriver.usage(o) - LoadDriver.usage(o); // whether the usage call counts itself (0 or -1)
        int beforeLoad = LoadDriver.usage(o);
        List<Sample> samples = load(o, addresses, Integer.parseInt(a.getOrDefault("warmup", "10")));
        report(samples, indexed[1], LoadDriver.usage(o) - beforeLoad + selfCount);
        webhookLatency(admin, o, Integer.parseInt(a.getOrDefault("events", "40")));
    }

    /** Polls the NOC page until the indexed count stops growing for 10 s or reaches the total. */
    static int[] waitForTheIndex(HttpClient admin, LoadDriver.Options o) throws Exception {
        int last = -1;
        long stableSince = System.nanoTime();
        while (true) {
            Matcher m = COMPLETENESS.matcher(admin.send(LoadDriver.get(o, "/"), HttpResponse.BodyHandlers.ofString()).body());
            boolean found = m.find();
            int done = found ? Integer.parseInt(m.group(1)) : 0;
            int total = found ? Integer.parseInt(m.group(2)) : 0;
            if (done != last) {
                last = done;
                stableSince = System.nanoTime();
            }
            if ((total > 0 && done == total) || (done > 0 && System.nanoTime() - stableSince > 10e9)) {
                return new int[] {done, total};
            }
            LoadDriver.sleep(250);
        }
    }

    /** Addresses to search for: those of the devices down now across the fleet, as a technician would. */
    static List<String> addresses(HttpClient admin, LoadDriver.Options o) throws Exception {
        String csv = admin.send(LoadDriver.get(o, "/fleet/new.csv?days=365"), HttpResponse.BodyHandlers.ofString()).body();
        List<String> found = new ArrayList<>();
        Matcher ip = Pattern.compile(",((?:\\d{1,3}\\.){3}\\d{1,3})[,\\s]").matcher(csv);
        while (ip.find() && found.size() < 2000) {
            found.add(ip.group(1));
        }
        if (found.isEmpty()) {
            found.add("192.168.10.10");
        }
        return found;
    }

    /**
     * The measured period comes after {@code warmupSeconds}, as in the console-load benchmark: all
     * users begin together, and their first views (and the JIT's first compilations of the search)
     * would otherwise be the slowest of the run whatever the pages cost.
     */
    static List<Sample> load(LoadDriver.Options o, List<String> addresses, int warmupSeconds) throws Exception {
        List<Sample> samples = new CopyOnWriteArrayList<>();
        List<HttpClient> users = new ArrayList<>();
        for (int u = 0; u < o.users(); u++) {
            HttpClient user = LoadDriver.client(o);
            LoadDriver.signIn(user, o);
            users.add(user);
        }
        // Everyone signed in first: the measured period is the same for the pages and their floor.
        long from = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = from + o.seconds() * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            HttpClient stranger = LoadDriver.client(o);
            threads.add(LoadDriver.started(() -> {
                while (System.nanoTime() < end) {
                    timed(stranger, o, "sign-in", "/login", from, samples);
                    LoadDriver.sleep(200);
                }
            }));
        }
        for (HttpClient user : users) {
            threads.add(LoadDriver.started(() -> browse(user, o, addresses, from, end, samples)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return samples;
    }

    static void browse(HttpClient user, LoadDriver.Options o, List<String> addresses, long from, long end,
                       List<Sample> samples) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // People do not click in step: each begins somewhere in a first think time.
        LoadDriver.sleep(random.nextInt(700));
        while (System.nanoTime() < end) {
            int pick = random.nextInt(100);
            String q = random.nextBoolean() ? addresses.get(random.nextInt(addresses.size()))
                    : WORDS.get(random.nextInt(WORDS.size()));
            if (pick < 50) {
                timed(user, o, "search (as typed)", "/search/suggest?q=" + encode(q), from, samples);
            } else if (pick < 75) {
                timed(user, o, "search (results page)", "/search?q=" + encode(q), from, samples);
            } else {
                timed(user, o, "NOC page", "/", from, samples);
            }
            LoadDriver.sleep(300 + random.nextInt(400));
        }
    }

    /** A view, counted when it began after {@code from}. */
    static void timed(HttpClient client, LoadDriver.Options o, String kind, String path, long from, List<Sample> samples) {
        long t0 = System.nanoTime();
        boolean ok;
        try {
            ok = client.send(LoadDriver.get(o, path), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception failed) {
            ok = false;
        }
        if (t0 >= from) {
            samples.add(new Sample(kind, (System.nanoTime() - t0) / 1e6, ok));
        }
    }

    static void report(List<Sample> samples, int sites, int calls) {
        Map<String, List<Double>> byKind = new ConcurrentHashMap<>();
        Map<String, Integer> errors = new HashMap<>();
        samples.forEach(s -> {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.millis());
            if (!s.ok()) {
                errors.merge(s.kind(), 1, Integer::sum);
            }
        });
        byKind.values().forEach(Collections::sort);
        double floor = LoadDriver.pct(byKind.getOrDefault("sign-in", List.of(1.0)), 99);
        System.out.printf("%n%-24s %7s %9s %9s %14s %7s%n", "kind", "views", "p50 ms", "p99 ms", "p99 / sign-in", "errors");
        for (String kind : List.of("sign-in", "search (as typed)", "search (results page)", "NOC page")) {
            List<Double> times = byKind.getOrDefault(kind, List.of());
            System.out.printf("%-24s %7d %9.1f %9.1f %13.2fx %7d%n", kind, times.size(), LoadDriver.pct(times, 50),
                    LoadDriver.pct(times, 99), LoadDriver.pct(times, 99) / floor, errors.getOrDefault(kind, 0));
        }
        long views = samples.stream().filter(s -> !s.kind().equals("sign-in")).count();
        System.out.printf("%nupstream calls for %d NOC views and searches: Sitedeck %d; without an index %d "
                + "(one listDevices per site per view, %d sites)%n", views, calls, views * sites, sites);
    }

    /**
     * Webhook status changes, each timed from the POST until the NOC page's live part (fetched as htmx
     * does on the stream's fleet message) shows the site's new down count: device 2 of each site,
     * DOWN in the sandbox's world, comes back UP, one site per event.
     */
    static void webhookLatency(HttpClient admin, LoadDriver.Options o, int events) throws Exception {
        Matcher url = WEBHOOK.matcher(admin.send(LoadDriver.get(o, "/alerts/webhook"), HttpResponse.BodyHandlers.ofString()).body());
        if (!url.find()) {
            throw new IllegalStateException("no webhook URL on /alerts/webhook");
        }
        Map<Integer, Integer> before = downCounts(admin, o);
        List<Integer> agents = new ArrayList<>(before.keySet());
        Collections.sort(agents);
        HttpResponse<InputStream> stream = admin.send(HttpRequest.newBuilder(URI.create(o.sitedeck() + "/events/stream"))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        List<Double> times = new ArrayList<>();
        List<Double> toStream = new ArrayList<>();
        // One sender for every event, as Domotz's would be: a client's own start is not the console's time.
        HttpClient poster = HttpClient.newHttpClient();
        int missing = 0;
        for (int n = 0; n < Math.min(events, agents.size()); n++) {
            int agent = agents.get(n);
            int device = 100_000 + ((agent - 5000) / 3) * 1000 + 2;
            String body = "{\"data\":{\"agent_id\":" + agent + ",\"device_id\":" + device + ",\"value\":\"UP\"},"
                    + "\"name\":\"device_status\",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}";
            long t0 = System.nanoTime();
            poster.send(HttpRequest.newBuilder(URI.create(o.sitedeck() + "/hooks/domotz/" + url.group(1)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            for (String line = lines.readLine(); line != null && !line.equals("event:fleet"); line = lines.readLine()) {
                // the badges and the Events row come before the fleet message
            }
            long told = System.nanoTime();
            Integer after = downCounts(admin, o).get(agent);
            if (after != null && after == before.get(agent) - 1) {
                times.add((System.nanoTime() - t0) / 1e6);
                toStream.add((told - t0) / 1e6);
            } else {
                missing++;
            }
        }
        stream.body().close();
        Collections.sort(times);
        System.out.printf("%nwebhook status change on an open NOC page: %d events, p50 %.1f ms, p99 %.1f ms, %d not shown%n",
                times.size() + missing, LoadDriver.pct(times, 50), LoadDriver.pct(times, 99), missing);
        Collections.sort(toStream);
        System.out.printf("  of which until the stream's fleet message: p50 %.1f ms, p99 %.1f ms (the rest: the live part's fetch)%n",
                LoadDriver.pct(toStream, 50), LoadDriver.pct(toStream, 99));
    }

    /** Each tile's down count, from the NOC page's live part as htmx fetches it. */
    static Map<Integer, Integer> downCounts(HttpClient client, LoadDriver.Options o) throws Exception {
        String live = client.send(HttpRequest.newBuilder(URI.create(o.sitedeck() + "/")).header("HX-Request", "true").GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<Integer, Integer> counts = new HashMap<>();
        Matcher tile = TILE.matcher(live);
        while (tile.find()) {
            counts.put(Integer.parseInt(tile.group(1)), Integer.parseInt(tile.group(2)));
        }
        return counts;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
