import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sitedeck's load driver (run with `java bench/LoadDriver.java …`, no build needed): sets up a
 * fresh console, connects it to the given Domotz cell, signs in N users (one session each) and
 * lets them browse sites lists, site pages and device pages of a working set of sites for a
 * warm-up and then a measured period. Prints throughput, p50/p95/p99 per page kind, errors and
 * the upstream calls the cell counted during the measured period. See docs/benchmarks.md.
 */
public class LoadDriver {

    record Options(String sitedeck, String cell, String key, int users, int warmupSeconds, int seconds, int sites,
                   int devicesPerSite, int thinkMillis, boolean crawl, String p99Out) {}

    record Sample(String kind, double millis, boolean ok, long dataAgeSeconds, boolean degraded, String path,
                  double secondsIn) {}

    static final Pattern AGE = Pattern.compile("data-age-seconds=\"(\\d+)\"");

    /**
     * What one view of each page reads from Domotz when nothing is cached — what a client without
     * Sitedeck's gateway sends for every view (docs/architecture.md, "Console pages and their
     * upstream calls"; the device page as a technician, with its alert profiles and power actions).
     */
    static final Map<String, Integer> READS_PER_VIEW = new TreeMap<>(Map.of("sites", 3, "site", 4, "device", 11));

    static final String CSRF = "bench-csrf-token-0123456789abcdef";
    static final String PASSWORD = "benchmark-password-1234";

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Options o = new Options(a.getOrDefault("sitedeck", "http://127.0.0.1:18081"),
                a.getOrDefault("cell", "http://127.0.0.1:18080/public-api/v1"), a.getOrDefault("key", "sandbox-demo-key"),
                Integer.parseInt(a.getOrDefault("users", "50")), Integer.parseInt(a.getOrDefault("warmup", "15")),
                Integer.parseInt(a.getOrDefault("seconds", "60")), Integer.parseInt(a.getOrDefault("sites", "25")),
                Integer.parseInt(a.getOrDefault("devices", "10")), Integer.parseInt(a.getOrDefault("think", "1000")),
                Boolean.parseBoolean(a.getOrDefault("crawl", "true")), a.get("p99-out"));
        HttpClient setupClient = client(o);
        setUp(setupClient, o);
        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < o.users(); i++) {
            HttpClient user = client(o);
            signIn(user, o);
            sessions.add(user);
        }
        long crawl = System.nanoTime();
        if (o.crawl()) {
            warmWorkingSet(sessions, o);
        }
        System.out.printf(Locale.ROOT, "%d users signed in; every page of the working set (%d sites, %d devices each) "
                + "visited once in %.1f s; browsing %d s more before measuring %d s%n", o.users(), o.sites(),
                o.devicesPerSite(), (System.nanoTime() - crawl) / 1e9, o.warmupSeconds(), o.seconds());
        List<Sample> samples = new CopyOnWriteArrayList<>();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(o.warmupSeconds()).toNanos();
        if (Boolean.getBoolean("bench.slowest")) { // to find the slowest views in the server's logs (GC, safepoints)
            System.out.printf(Locale.ROOT, "measuring from %s%n", java.time.Instant.now().plusSeconds(o.warmupSeconds()));
        }
        long end = warmEnd + Duration.ofSeconds(o.seconds()).toNanos();
        int[] usageAtStart = new int[1];
        Thread usageMark = started(() -> {
            sleepUntil(warmEnd);
            usageAtStart[0] = usage(o);
        });
        List<Thread> threads = new ArrayList<>();
        for (HttpClient user : sessions) {
            threads.add(started(() -> browse(user, o, warmEnd, end, samples)));
        }
        for (Thread t : threads) {
            t.join();
        }
        usageMark.join();
        int calls = usage(o) - usageAtStart[0] - 1; // the last usage call counts itself
        report(samples, o, calls);
    }

    /**
     * Visits every page of the working set once: what "warm" means here. Four at a time — fewer
     * than the key's five concurrent calls — so no page gives up waiting for a slot (which would
     * leave its answers out of the cache and make the "warm" figures cold ones).
     */
    static void warmWorkingSet(List<HttpClient> allUsers, Options o) throws InterruptedException {
        List<HttpClient> users = allUsers.subList(0, Math.min(4, allUsers.size()));
        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            pages.add("/agents?page=" + page + "&size=25");
        }
        for (int site = 0; site < o.sites(); site++) {
            int agent = 5000 + 3 * site;
            pages.add("/agents/" + agent);
            for (int n = 0; n < o.devicesPerSite(); n++) {
                pages.add("/agents/" + agent + "/devices/" + (100_000 + site * 1000 + n));
            }
        }
        AtomicInteger next = new AtomicInteger();
        List<Thread> crawlers = new ArrayList<>();
        for (HttpClient user : users) {
            crawlers.add(started(() -> {
                for (int i = next.getAndIncrement(); i < pages.size(); i = next.getAndIncrement()) {
                    try {
                        HttpResponse<String> page = user.send(get(o, pages.get(i)), HttpResponse.BodyHandlers.ofString());
                        if (page.statusCode() != 200 || page.body().contains("class=\"problem\"")) {
                            System.out.println("warm-up: " + pages.get(i) + " answered " + page.statusCode());
                        }
                    } catch (Exception failed) {
                        System.out.println("warm-up: " + pages.get(i) + " failed: " + failed.getMessage());
                    }
                }
            }));
        }
        for (Thread crawler : crawlers) {
            crawler.join();
        }
    }

    static void browse(HttpClient user, Options o, long warmEnd, long end, List<Sample> samples) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            int site = random.nextInt(o.sites());
            int agent = 5000 + 3 * site;
            double pick = random.nextDouble();
            String kind;
            String path;
            if (pick < 0.2) {
                kind = "sites";
                path = "/agents?page=" + random.nextInt(4) + "&size=25";
            } else if (pick < 0.6) {
                kind = "site";
                path = "/agents/" + agent;
            } else {
                kind = "device";
                path = "/agents/" + agent + "/devices/" + (100_000 + site * 1000 + random.nextInt(o.devicesPerSite()));
            }
            long start = System.nanoTime();
            HttpResponse<String> response = null;
            try {
                response = user.send(get(o, path), HttpResponse.BodyHandlers.ofString());
            } catch (Exception failed) {
                // counted as an error below
            }
            // The page's time ends with its last byte; reading it for the report is the driver's time.
            double millis = (System.nanoTime() - start) / 1e6;
            boolean ok = response != null && response.statusCode() == 200;
            long age = 0;
            boolean degraded = false;
            if (response != null) {
                Matcher shown = AGE.matcher(response.body());
                age = shown.find() ? Long.parseLong(shown.group(1)) : 0;
                degraded = response.body().contains("class=\"warning\" role=\"status\">Showing data from");
            }
            if (start > warmEnd) {
                samples.add(new Sample(kind, millis, ok, age, degraded, path, (start - warmEnd) / 1e9));
            }
            if (o.thinkMillis() > 0) {
                sleep(random.nextInt(o.thinkMillis() / 2, o.thinkMillis() * 3 / 2 + 1));
            }
        }
    }

    static void report(List<Sample> samples, Options o, int calls) {
        System.out.printf(Locale.ROOT, "%-8s %8s %9s %9s %9s %8s%n", "page", "views", "p50 ms", "p95 ms", "p99 ms", "errors");
        Map<String, List<Double>> byKind = new TreeMap<>();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        for (Sample s : samples) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.millis());
            if (!s.ok()) {
                errors.merge(s.kind(), 1, Integer::sum);
            }
        }
        List<Double> all = new ArrayList<>();
        byKind.forEach((kind, times) -> {
            all.addAll(times);
            line(kind, times, errors.getOrDefault(kind, 0));
        });
        line("all", all, errors.values().stream().mapToInt(Integer::intValue).sum());
        if (o.p99Out() != null) {
            writeP99(byKind, o.p99Out());
        }
        System.out.printf(Locale.ROOT, "throughput: %.1f page views/s over %d s (%d users, think time ~%d ms)%n",
                all.size() / (double) o.seconds(), o.seconds(), o.users(), o.thinkMillis());
        System.out.printf(Locale.ROOT, "upstream calls while measuring: %d (%.2f per 100 page views)%n", calls,
                all.isEmpty() ? 0 : 100.0 * calls / all.size());
        long direct = byKind.entrySet().stream()
                .mapToLong(e -> (long) e.getValue().size() * READS_PER_VIEW.getOrDefault(e.getKey(), 0)).sum();
        System.out.printf(Locale.ROOT, "a console without the gateway (each page's reads sent straight to the cell, "
                + "%s per view): %d calls; with it: %d — %.0f× fewer%n", READS_PER_VIEW, direct, calls,
                calls <= 0 ? 0 : direct / (double) calls);
        List<Double> ages = new ArrayList<>(samples.stream().map(x -> (double) x.dataAgeSeconds()).toList());
        Collections.sort(ages);
        long degraded = samples.stream().filter(Sample::degraded).count();
        if (Boolean.getBoolean("bench.slowest")) {
            samples.stream().sorted((x, y) -> Double.compare(y.millis(), x.millis())).limit(25).forEach(x ->
                    System.out.printf(Locale.ROOT, "  slow: %7.1f ms at %5.1f s  %s%n", x.millis(), x.secondsIn(), x.path()));
        }
        System.out.printf(Locale.ROOT, "age of the oldest data on a page: median %.0f s, p95 %.0f s; "
                + "pages with a trouble banner (quota, outage): %d%n", pct(ages, 50), pct(ages, 95), degraded);
    }

    /** "kind p99" per line, for bench/PageCost.java's p99/median ratios. */
    static void writeP99(Map<String, List<Double>> byKind, String file) {
        StringBuilder lines = new StringBuilder();
        byKind.forEach((kind, times) -> {
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            lines.append(kind).append(' ').append(String.format(Locale.ROOT, "%.1f", pct(sorted, 99))).append('\n');
        });
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), lines);
        } catch (java.io.IOException failed) {
            System.out.println("could not write " + file + ": " + failed.getMessage());
        }
    }

    static void line(String kind, List<Double> times, int errors) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-8s %8d %9.1f %9.1f %9.1f %8d%n", kind, sorted.size(), pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), errors);
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** First-run set-up and a connection to the cell, as a person does it. */
    static void setUp(HttpClient client, Options o) throws Exception {
        post(client, o, "/setup", Map.of("token", "bench-setup-token", "organization", "Bench MSP", "email", "bench@msp.example",
                "password", PASSWORD, "confirmation", PASSWORD));
        signIn(client, o);
        HttpResponse<String> added = post(client, o, "/connections", Map.of("name", "Bench cell", "cell", "CUSTOM",
                "customUrl", o.cell(), "apiKey", o.key()));
        if (added.statusCode() != 200 || !added.body().contains("Connected")) {
            throw new IllegalStateException("could not connect to the cell: " + added.statusCode());
        }
    }

    static void signIn(HttpClient client, Options o) throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(o.sitedeck() + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("j_username", "bench@msp.example",
                        "j_password", PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 && login.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + login.statusCode());
        }
    }

    static HttpResponse<String> post(HttpClient client, Options o, String path, Map<String, String> fields)
            throws Exception {
        Map<String, String> withToken = new TreeMap<>(fields);
        withToken.put("_csrf", CSRF);
        return client.send(HttpRequest.newBuilder(URI.create(o.sitedeck() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(withToken))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest get(Options o, String path) {
        return HttpRequest.newBuilder(URI.create(o.sitedeck() + path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    static int usage(Options o) {
        try {
            HttpResponse<String> usage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(o.cell() + "/meta/usage")).header("X-Api-Key", o.key()).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"daily_usage\"\\s*:\\s*(\\d+)").matcher(usage.body());
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (Exception failed) {
            return -1;
        }
    }

    /** One browser: its own cookies, with the CSRF cookie the forms' token must match. */
    static HttpClient client(Options o) {
        CookieManager cookies = new CookieManager();
        java.net.HttpCookie csrf = new java.net.HttpCookie("sitedeck-csrf", CSRF);
        csrf.setPath("/");
        csrf.setVersion(0);
        cookies.getCookieStore().add(URI.create(o.sitedeck() + "/"), csrf);
        // HTTP/1.1 as a browser speaks it to a plain-http console or as a TLS proxy forwards it; the
        // JDK's default would upgrade to cleartext HTTP/2, which no browser does.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            sleep(left / 1_000_000);
        }
    }
}
