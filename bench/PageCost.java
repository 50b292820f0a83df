import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one page view costs the server, measured so that it holds on any machine (run with
 * `java bench/PageCost.java …` after bench/LoadDriver.java has set the console up): all page kinds
 * are first viewed in turn for 1,000 rounds (-Dbench.warm-rounds), so each is as warm as the
 * others, then each is viewed N times in a row by one signed-in person; the Sitedeck process's own CPU time
 * (user + system, from /proc/PID/stat) over those views gives CPU milliseconds per view. Every
 * figure is also given as a ratio to the floor page — the sign-in page, measured in the same run —
 * and, with the load run's p99 per kind (--loads), the p99 under load as a ratio to the kind's own
 * sequential median; with --metrics (Sitedeck's /q/metrics), the heap allocated per view. docs/benchmarks.md
 * explains the columns.
 */
public class PageCost {

    static final String CSRF = "bench-csrf-token-0123456789abcdef";
    static final String PASSWORD = "benchmark-password-1234";

    static final Pattern CHART = Pattern.compile("data-chart-src=\"([^\"]+)\"");
    static final int WARM_ROUNDS = Integer.getInteger("bench.warm-rounds", 1000);

    record Cost(String kind, double medianMillis, double cpuMillisPerView, int bytes, double allocatedKbPerView) {}

    /** Sitedeck's metrics (its management interface), for the heap it allocates; null: not measured. */
    static URI metrics;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = a.getOrDefault("sitedeck", "http://127.0.0.1:18081");
        long pid = Long.parseLong(a.get("pid"));
        int views = Integer.parseInt(a.getOrDefault("views", "300"));
        metrics = a.containsKey("metrics") ? URI.create(a.get("metrics")) : null;
        HttpClient signedOut = client(base);
        HttpClient person = client(base);
        signIn(person, base);
        Map<String, String> pages = new LinkedHashMap<>();
        // A small signed-in fragment (the device's power panel, 1.5 KB): what every signed-in request
        // costs before its page's own content (session check, connections, HTTP), a second floor.
        pages.put("panel", "/agents/5000/devices/100000/panels/power");
        pages.put("sites", "/agents?page=0&size=25");
        pages.put("site", "/agents/5000");
        pages.put("device", "/agents/5000/devices/100000");
        // The device page's chart reads its samples as a second request, when the page has one.
        Matcher chart = CHART.matcher(body(person, base + pages.get("device")));
        if (chart.find()) {
            pages.put("chart", chart.group(1).replace("&amp;", "&"));
        }
        // Every kind equally warm before any is measured: the JIT keeps improving code paths for
        // hundreds of views, so a kind measured first (the floor) would otherwise look dearer.
        for (int round = 0; round < WARM_ROUNDS; round++) {
            fetch(signedOut, base + "/login");
            for (String path : pages.values()) {
                fetch(person, base + path);
            }
        }
        List<Cost> costs = new ArrayList<>();
        costs.add(measure("sign-in", signedOut, base + "/login", pid, views));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            costs.add(measure(page.getKey(), person, base + page.getValue(), pid, views));
        }
        Map<String, Double> p99 = a.containsKey("loads") ? loads(Path.of(a.get("loads"))) : Map.of();
        Cost floor = costs.get(0);
        Cost signedIn = costs.get(1);
        System.out.printf(Locale.ROOT, "%d sequential warm views per page kind, floor page = sign-in, signed-in floor = panel%n", views);
        System.out.printf(Locale.ROOT, "%-8s %10s %10s %9s %10s %10s %10s %10s %12s %12s %11s%n", "page", "median ms", "CPU ms/view",
                "KB", "CPU ratio", "vs panel", "KB ratio", "p99 load", "p99/median", "alloc KB/view", "alloc ratio");
        for (Cost c : costs) {
            Double load = p99.get(c.kind());
            System.out.printf(Locale.ROOT, "%-8s %10.1f %10.1f %9.1f %9.1f× %9.1f× %9.1f× %10s %12s %12s %11s%n", c.kind(), c.medianMillis(),
                    c.cpuMillisPerView(), c.bytes() / 1024.0, c.cpuMillisPerView() / floor.cpuMillisPerView(),
                    c.cpuMillisPerView() / signedIn.cpuMillisPerView(),
                    c.bytes() / (double) floor.bytes(), load == null ? "—" : String.format(Locale.ROOT, "%.1f", load),
                    load == null ? "—" : String.format(Locale.ROOT, "%.1f×", load / c.medianMillis()),
                    metrics == null ? "—" : String.format(Locale.ROOT, "%.0f", c.allocatedKbPerView()),
                    metrics == null ? "—" : String.format(Locale.ROOT, "%.1f×", c.allocatedKbPerView() / floor.allocatedKbPerView()));
        }
    }

    /** N timed views (after the warm-up rounds); the process's CPU time over them. */
    static Cost measure(String kind, HttpClient client, String url, long pid, int views) throws Exception {
        List<Double> millis = new ArrayList<>();
        int bytes = 0;
        long allocatedBefore = allocatedBytes();
        long cpuBefore = cpuNanos(pid);
        for (int i = 0; i < views; i++) {
            long start = System.nanoTime();
            bytes = fetch(client, url);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double cpu = (cpuNanos(pid) - cpuBefore) / 1e6 / views;
        double allocated = (allocatedBytes() - allocatedBefore) / 1024.0 / views;
        Collections.sort(millis);
        return new Cost(kind, millis.get(millis.size() / 2), cpu, bytes, allocated);
    }

    static String body(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static int fetch(HttpClient client, String url) throws Exception {
        HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + page.statusCode());
        }
        return page.body().length;
    }

    /** User + system CPU time of the process so far: fields 14 and 15 of /proc/PID/stat, in clock ticks. */
    static long cpuNanos(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long perSecond = Long.parseLong(System.getProperty("bench.clk-tck", "100"));
        return ticks * 1_000_000_000L / perSecond;
    }

    static final Pattern ALLOCATED = Pattern.compile("(?m)^jvm_gc_memory_allocated_bytes_total (\\S+)$");
    static final Pattern EDEN = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]*Eden[^\"]*\"} (\\S+)$");

    /**
     * The heap Sitedeck has allocated so far, from its own metrics: Micrometer's counter of what the young
     * generation took in up to the last collection, plus what its eden holds now (empty after each one).
     * Unlike CPU time, this hardly depends on the machine. Counts every thread, as the CPU column does.
     */
    static long allocatedBytes() throws Exception {
        if (metrics == null) {
            return 0;
        }
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher counted = ALLOCATED.matcher(text);
        Matcher eden = EDEN.matcher(text);
        if (!counted.find() || !eden.find()) {
            throw new IllegalStateException("no allocation metrics at " + metrics);
        }
        return (long) (Double.parseDouble(counted.group(1)) + Double.parseDouble(eden.group(1)));
    }

    /** The load run's "kind p99" lines. */
    static Map<String, Double> loads(Path file) throws Exception {
        Map<String, Double> p99 = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                p99.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        return p99;
    }

    static void signIn(HttpClient client, String base) throws Exception {
        String form = "j_username=" + URLEncoder.encode("bench@msp.example", StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 && login.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + login.statusCode());
        }
    }

    static HttpClient client(String base) {
        CookieManager cookies = new CookieManager();
        HttpCookie csrf = new HttpCookie("sitedeck-csrf", CSRF);
        csrf.setPath("/");
        csrf.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), csrf);
        // HTTP/1.1, as bench/LoadDriver.java speaks it (see there).
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
