package io.sitedeck.scaleout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Sitedeck instances (the packaged application, as real processes) sharing the machine's
 * real Redis, and a third process as their Domotz cell (the sandbox on its own). Twenty
 * concurrent page views split over both instances make one upstream call per resource, and
 * both instances count the key's calls together. Fails loudly when Redis is not there.
 *
 * <p>With the H2 build each instance has its own database (and its own admin and connection);
 * with the postgres build ({@code ./mvnw -Ppostgres verify}, run by .ci/run) both share one new
 * PostgreSQL database, master key and session key — the production set-up: one admin, one
 * connection, signed in on both.
 */
class CrossInstanceIT {

    private static final String KEY = "sandbox-demo-key";
    private static final String CSRF = "it-csrf-token-0123456789abcdef";
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final boolean POSTGRES = "postgresql".equals(System.getProperty("sitedeck.db.kind"));
    private static int cell;
    private static Instance first;
    private static Instance second;
    private static String itDatabase;
    private static List<String> sharedOptions;
    private static Path firstDir;

    private record Instance(int port, String session) {}

    private static final String SETUP_TOKEN = "it-setup-token";
    private static final Map<Integer, Integer> MANAGEMENT_PORTS = new ConcurrentHashMap<>();
    private static final Map<String, Path> LOGS = new ConcurrentHashMap<>();
    private static final Map<Integer, Process> PROCESS_BY_PORT = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        assertRedisIsThere();
        String prefix = "sitedeck-it-" + UUID.randomUUID();
        // No fleet crawler: each test counts the cell's calls (the crawler is tested against its own cells).
        List<String> shared = new ArrayList<>(List.of("-Dsitedeck.sandbox.enabled=false",
                "-Dsitedeck.redis.url=redis://127.0.0.1:6379", "-Dsitedeck.redis.prefix=" + prefix,
                "-Dsitedeck.fleet.crawl-every=off"));
        List<String> database = POSTGRES ? sharedPostgresDatabase() : List.of();
        shared.addAll(database);
        cell = freePort();
        List<String> cellOptions = new ArrayList<>(List.of("-Dsitedeck.console.enabled=false",
                "-Dsitedeck.sandbox.enabled=true"));
        cellOptions.addAll(database);
        launch("cell", cell, cellOptions.toArray(String[]::new));
        int a = freePort();
        int b = freePort();
        sharedOptions = shared;
        firstDir = launch("a", a, shared.toArray(String[]::new));
        launch("b", b, shared.toArray(String[]::new));
        for (int port : new int[] {cell, a, b}) {
            awaitReady(port);
        }
        first = signedInWithConnection(a, "a");
        // One database: the second instance already knows the admin and the connection.
        second = POSTGRES ? new Instance(b, signIn(b, "a")) : signedInWithConnection(b, "b");
        // The type catalogues are read once for everything (12 h): warm them, so each test counts only its own reads.
        page(first, "/types").then().statusCode(200);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : PROCESSES) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        if (itDatabase != null) {
            try (java.sql.Connection admin = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 java.sql.Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + itDatabase + " WITH (FORCE)");
            }
        }
    }

    @Test
    void concurrentViewsOnTwoInstancesMakeOneUpstreamCallPerResource() {
        int selfCount = usage() - usage(); // does the usage call count itself? (0 or -1)
        int before = usage();
        ExecutorService viewers = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Integer>> views = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instance instance = i % 2 == 0 ? first : second;
            views.add(CompletableFuture.supplyAsync(() -> page(instance, "/agents/5003").statusCode(), viewers));
        }
        views.forEach(v -> assertEquals(200, v.join()));
        viewers.shutdown();
        int made = usage() - before + selfCount;
        // The site page reads getAgent, listDevices and getAgentRTDStats (the catalogue is warm).
        assertEquals(3, made, "20 views over two instances: one call per resource; calls by operation: "
                + calls(first) + " / " + calls(second));

        // Both instances count the key's calls together.
        int seenByFirst = sitedeckCalls(first);
        int seenBySecond = sitedeckCalls(second);
        assertEquals(seenByFirst, seenBySecond, "one shared count");
        assertTrue(seenByFirst >= (POSTGRES ? 2 : 2 * 2) + 2 + 3, "the connection checks, the catalogue and the page: "
                + seenByFirst);
    }

    /** Issue 13, items 2 and 17: start-up logs name no unknown configuration key and never a session key. */
    @Test
    void startUpLogsHaveNoUnknownKeysAndNoSessionKey() throws IOException {
        for (String name : List.of("cell", "a", "b")) {
            String text = Files.readString(LOGS.get(name));
            assertTrue(text.contains("Installed features"), name + " started: " + text);
            assertFalse(text.contains("Unrecognized configuration key"), name + ": " + text);
            assertFalse(text.contains("Encryption key was not specified"), name + ": " + text);
        }
    }

    /** Issue 13, item 2: outside the embedded default, no configured session key means no start, with a one-line reason. */
    @Test
    void refusesToStartOutsideTheEmbeddedDefaultWithoutASessionKey() throws Exception {
        Path dir = launch("no-session-key", freePort(), "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/postgres",
                "-Dquarkus.datasource.username=postgres");
        Process process = PROCESSES.get(PROCESSES.size() - 1);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the instance stops by itself");
        assertTrue(process.exitValue() != 0, "with a failure code");
        String log = Files.readString(dir.resolve("console.log"));
        assertTrue(log.contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), log);
        assertFalse(log.contains("Installed features"), log);
    }

    @Test
    void aChangeOnOneInstanceIsSeenByTheOther() {
        page(second, "/agents/5006/devices/102004").then().statusCode(200);
        String name = "Renamed-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri("http://127.0.0.1").port(first.port()).redirects().follow(false)
                .cookie("sitedeck-session", first.session()).cookie("sitedeck-csrf", CSRF)
                .contentType(ContentType.URLENC).formParam("_csrf", CSRF).formParam("value", name)
                .post("/agents/5006/devices/102004/fields/name").then().statusCode(303);
        assertTrue(page(second, "/agents/5006/devices/102004").asString().contains(name),
                "the other instance's cached device was invalidated through Redis");
    }

    /**
     * A webhook received by one instance reaches a browser's event stream on the other, through
     * Redis pub/sub. (With the H2 build each instance's team is the first of its own database,
     * id 1 on both, so the event finds its team there too; the postgres step shares one team.)
     */
    @Test
    void aWebhookReceivedByOneInstanceReachesAStreamOnTheOther() throws Exception {
        Matcher url = Pattern.compile("/hooks/domotz/([A-Za-z0-9_-]{43})")
                .matcher(page(first, "/alerts/webhook").asString());
        assertTrue(url.find(), "the admin sees the team's webhook URL");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> stream = http.send(java.net.http.HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + second.port() + "/events/stream"))
                .header("Cookie", "sitedeck-session=" + second.session()).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        // The other instance subscribes to Redis just after it starts: send until one arrives (at most 10 s).
        String received = null;
        for (int attempt = 0; attempt < 10 && received == null; attempt++) {
            String body = "{\"data\":{\"agent_id\":5003,\"device_id\":101004,\"value\":\"DOWN\"},\"name\":\"device_status\","
                    + "\"timestamp\":\"" + Instant.now().plusSeconds(attempt).truncatedTo(ChronoUnit.SECONDS) + "\"}";
            given().baseUri("http://127.0.0.1").port(first.port()).contentType(ContentType.JSON).body(body)
                    .post("/hooks/domotz/" + url.group(1)).then().statusCode(201);
            long until = System.nanoTime() + 1_000_000_000L;
            while (received == null && System.nanoTime() < until) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("event:device-5003-101004")) {
                    received = line;
                }
            }
        }
        stream.body().close();
        assertTrue(received != null, "the second instance's stream got the event the first received");
    }

    /**
     * The fleet index is in the database: a site page viewed on one instance is on the other's NOC
     * page at once (PostgreSQL build: one database), and on the first instance's after it restarts.
     */
    @Test
    void theFleetIndexIsSharedByInstancesAndSurvivesARestart() throws Exception {
        page(first, "/agents/5009").then().statusCode(200);
        String tile = "data-agent=\"5009\"";
        assertTrue(page(first, "/").asString().contains(tile), "indexed by the page view");
        if (POSTGRES) {
            assertTrue(page(second, "/").asString().contains(tile), "the other instance reads the same index");
        }
        Process old = PROCESS_BY_PORT.get(first.port());
        PROCESSES.remove(old);
        old.destroy();
        assertTrue(old.waitFor(20, TimeUnit.SECONDS), "instance a stopped");
        launchIn(firstDir, first.port(), sharedOptions.toArray(String[]::new));
        awaitReady(first.port());
        first = new Instance(first.port(), signIn(first.port(), "a"));
        assertTrue(page(first, "/").asString().contains(tile), "still indexed after the restart");
    }

    private static Response page(Instance instance, String path) {
        return given().baseUri("http://127.0.0.1").port(instance.port()).redirects().follow(false)
                .cookie("sitedeck-session", instance.session()).get(path);
    }

    /** The instance's own count of Domotz calls by operation (its metrics). */
    private static List<String> calls(Instance instance) {
        return given().baseUri("http://127.0.0.1").port(MANAGEMENT_PORTS.get(instance.port())).get("/q/metrics")
                .asString().lines()
                .filter(line -> line.startsWith("sitedeck_domotz_calls_total")).toList();
    }

    private static int sitedeckCalls(Instance instance) {
        Matcher used = Pattern.compile("Sitedeck used (\\d+)").matcher(page(instance, "/agents").asString());
        assertTrue(used.find(), "the footer shows Sitedeck's calls");
        return Integer.parseInt(used.group(1));
    }

    private static int usage() {
        return given().baseUri("http://127.0.0.1").port(cell).header("X-Api-Key", KEY).get("/public-api/v1/meta/usage")
                .then().statusCode(200).extract().jsonPath().getInt("daily_usage");
    }

    /** First-run set-up, sign-in, and a connection to the shared cell, as a person does it. */
    private static Instance signedInWithConnection(int port, String name) {
        String email = "admin-" + name + "@it.example";
        String password = "correct-horse-battery-" + name;
        given().baseUri("http://127.0.0.1").port(port).redirects().follow(false).cookie("sitedeck-csrf", CSRF)
                .contentType(ContentType.URLENC).formParam("_csrf", CSRF).formParam("token", SETUP_TOKEN)
                .formParam("organization", "IT " + name)
                .formParam("email", email).formParam("password", password).formParam("confirmation", password)
                .post("/setup").then().statusCode(303);
        String session = signIn(port, name);
        given().baseUri("http://127.0.0.1").port(port).redirects().follow(false).cookie("sitedeck-session", session)
                .cookie("sitedeck-csrf", CSRF).contentType(ContentType.URLENC).formParam("_csrf", CSRF)
                .formParam("name", "Shared cell").formParam("cell", "CUSTOM")
                .formParam("customUrl", "http://127.0.0.1:" + cell + "/public-api/v1").formParam("apiKey", KEY)
                .post("/connections").then().statusCode(200);
        return new Instance(port, session);
    }

    private static String signIn(int port, String name) {
        String session = given().baseUri("http://127.0.0.1").port(port).redirects().follow(false)
                .contentType(ContentType.URLENC).formParam("j_username", "admin-" + name + "@it.example")
                .formParam("j_password", "correct-horse-battery-" + name).post("/j_security_check")
                .getCookie("sitedeck-session");
        assertTrue(session != null, "signed in on port " + port);
        return session;
    }

    /** A new database on the machine's PostgreSQL, and the secrets every instance of one deployment shares. */
    private static List<String> sharedPostgresDatabase() throws Exception {
        String database = "sitedeck_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        itDatabase = database;
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             java.sql.Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException absent) {
            throw new AssertionError("The postgres build's test needs PostgreSQL at 127.0.0.1:5432 (.ci/run starts it): "
                    + absent.getMessage());
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return List.of("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=",
                "-Dsitedeck.master-key=" + java.util.Base64.getEncoder().encodeToString(key),
                "-Dquarkus.http.auth.session.encryption-key=" + UUID.randomUUID() + UUID.randomUUID());
    }

    private static Path launch(String name, int port, String... options) throws IOException {
        Path dir = Path.of(System.getProperty("sitedeck.it.dir", "target/it"), name + "-" + UUID.randomUUID());
        Files.createDirectories(dir);
        launchIn(dir, port, options);
        LOGS.put(name, dir.resolve("console.log"));
        return dir;
    }

    /** Starts an instance whose data folder (and H2 database) is {@code dir}; its log goes to console.log there. */
    private static void launchIn(Path dir, int port, String... options) throws IOException {
        int management = freePort();
        MANAGEMENT_PORTS.put(port, management);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + management, "-Dsitedeck.sign-in.setup-token=" + SETUP_TOKEN,
                "-Dsitedeck.domotz.allowed-hosts=127.0.0.1", "-Dsitedeck.console.data-dir=" + dir.toAbsolutePath()));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", System.getProperty("sitedeck.app.jar", "target/quarkus-app/quarkus-run.jar")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile())).start();
        PROCESSES.add(process);
        PROCESS_BY_PORT.put(port, process);
    }

    private static void awaitReady(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (given().baseUri("http://127.0.0.1").port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("instance on port " + port + " did not become ready in 60 s (see target/it/*/console.log)");
    }

    private static void assertRedisIsThere() {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[7];
            int read = socket.getInputStream().read(answer);
            assertTrue(read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG"),
                    "Redis at 127.0.0.1:6379 did not answer PONG");
        } catch (IOException absent) {
            throw new AssertionError("This test needs Redis at 127.0.0.1:6379 (.ci/run starts it): " + absent.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
