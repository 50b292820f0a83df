import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Webhook benchmark (plain `java bench/WebhookDriver.java URL [events] [concurrency] [streams]`):
 * sets up a fresh console on the embedded sandbox, opens {@code streams} event streams as open
 * pages would, then POSTs {@code events} distinct device_status events to the team's webhook URL
 * from {@code concurrency} senders. Prints the webhook's answer time (p50/p95/p99), throughput,
 * the time from POST to the badge message on a stream, the Domotz calls made meanwhile (0 is the
 * point), and the same for re-deliveries of events already stored.
 */
public class WebhookDriver {

    static final String CSRF = "bench-csrf-token-0123456789abcdef";
    static final String PASSWORD = "correct-horse-battery-staple";
    static final Map<String, Long> SEEN = new ConcurrentHashMap<>();
    static final Map<String, Integer> OUTCOMES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int streams = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        HttpClient browser = browser();
        form(browser, base + "/setup", Map.of("token", "bench-setup-token", "organization", "Bench MSP", "email", "bench@msp.example",
                "password", PASSWORD, "confirmation", PASSWORD));
        form(browser, base + "/j_security_check", Map.of("j_username", "bench@msp.example", "j_password", PASSWORD));
        form(browser, base + "/connections", Map.of("name", "Sandbox", "cell", "SANDBOX", "apiKey", "sandbox-demo-key"));
        Matcher url = Pattern.compile("(/hooks/domotz/[A-Za-z0-9_-]{43})")
                .matcher(browser.send(HttpRequest.newBuilder(URI.create(base + "/alerts/webhook")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
        if (!url.find()) {
            throw new IllegalStateException("no webhook URL on the Alerts page");
        }
        String hook = base + url.group(1);
        for (int i = 0; i < streams; i++) {
            browser.sendAsync(HttpRequest.newBuilder(URI.create(base + "/events/stream")).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                        if (line.startsWith("event:device-")) {
                            SEEN.putIfAbsent(line.substring(6), System.nanoTime());
                        }
                    }));
        }
        Thread.sleep(1_000);
        HttpClient sender = HttpClient.newHttpClient();
        List<String> bodies = new ArrayList<>();
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        for (int i = 0; i < events; i++) {
            bodies.add("{\"data\":{\"agent_id\":5003,\"device_id\":" + (200_000 + i) + ",\"value\":\"DOWN\"},"
                    + "\"name\":\"device_status\",\"timestamp\":\"" + at.plusSeconds(i) + "\"}");
        }
        int calls = usage(base);
        System.out.printf(Locale.ROOT, "%d events, %d senders, %d open streams%n", events, concurrency, streams);
        Map<String, Long> sent = new ConcurrentHashMap<>();
        run("new events", bodies, sender, hook, concurrency, sent);
        // Wait until the streams have gone quiet for 2 s (on a small machine they may trail the senders).
        for (int seen = -1; seen != SEEN.size(); ) {
            seen = SEEN.size();
            Thread.sleep(2_000);
        }
        List<Double> delivery = sent.entrySet().stream().filter(e -> SEEN.containsKey(e.getKey()))
                .map(e -> (SEEN.get(e.getKey()) - e.getValue()) / 1e6).sorted().collect(Collectors.toList());
        System.out.printf(Locale.ROOT, "POST → badge message on a stream: %d of %d seen, p50 %.1f ms, p99 %.1f ms%n",
                delivery.size(), events, pct(delivery, 50), pct(delivery, 99));
        run("re-deliveries", bodies.subList(0, Math.min(500, events)), sender, hook, concurrency, new ConcurrentHashMap<>());
        System.out.printf("Domotz calls meanwhile: %d%n", usage(base) - calls - 1);
        System.out.println("Answers: " + new java.util.TreeMap<>(OUTCOMES));
        System.exit(0);
    }

    static void run(String label, List<String> bodies, HttpClient sender, String hook, int concurrency,
                    Map<String, Long> sent) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        List<Future<Double>> times = new ArrayList<>();
        long start = System.nanoTime();
        for (String body : bodies) {
            times.add(senders.submit(() -> {
                Matcher device = Pattern.compile("\"device_id\":(\\d+)").matcher(body);
                device.find();
                long t0 = System.nanoTime();
                sent.put("device-5003-" + device.group(1), t0);
                HttpResponse<String> answer = sender.send(HttpRequest.newBuilder(URI.create(hook))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 201) {
                    throw new IllegalStateException("answered " + answer.statusCode() + ": " + answer.body());
                }
                OUTCOMES.merge(label + ": " + answer.body(), 1, Integer::sum);
                return (System.nanoTime() - t0) / 1e6;
            }));
        }
        List<Double> sorted = new ArrayList<>();
        for (Future<Double> time : times) {
            sorted.add(time.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        senders.shutdown();
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-14s %6d answered 201 in %.1f s (%.0f/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                label, sorted.size(), seconds, sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static int usage(String base) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/public-api/v1/meta/usage"))
                .header("X-Api-Key", "sandbox-demo-key").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"daily_usage\"\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static HttpClient browser() {
        CookieManager cookies = new CookieManager();
        HttpCookie csrf = new HttpCookie("sitedeck-csrf", CSRF);
        csrf.setPath("/");
        cookies.getCookieStore().add(URI.create("http://127.0.0.1"), csrf);
        return HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    static void form(HttpClient client, String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + CSRF;
        client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
