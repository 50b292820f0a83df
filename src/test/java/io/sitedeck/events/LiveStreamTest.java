package io.sitedeck.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Waits;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /events/stream over real HTTP, read as a browser's EventSource reads it: events arrive as
 * they are received, only for the tenant's own members, and a reconnecting client gets what it
 * missed (Last-Event-ID) once and in order.
 */
@QuarkusTest
class LiveStreamTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    LiveEvents live;

    final HttpClient http = HttpClient.newHttpClient();
    final List<Stream> open = new ArrayList<>();
    Accounts.Member member;
    Session session;
    String token;
    /** A FLOATING device of agent 5003: its DOWN never adds a toast, whatever other tests cached. */
    int floating;

    /** One SSE message: its id, event name and data. */
    record Message(String id, String event, String data) {}

    /** A client's open stream, read on its own thread. */
    final class Stream {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        final java.util.concurrent.atomic.AtomicInteger fleetNews = new java.util.concurrent.atomic.AtomicInteger();
        final HttpResponse<java.io.InputStream> response;
        final Thread reader;

        Stream(String path, String lastEventId, Session as) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                    .header("Accept", "text/event-stream").header("Cookie", "sitedeck-session=" + as.sessionCookie());
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            int streamsBefore = live.openStreams();
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
            Waits.until("the stream to be open", () -> live.openStreams() > streamsBefore);
            open.add(this);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if ("fleet".equals(event)) {
                            fleetNews.incrementAndGet();
                        } else if (event != null) {
                            messages.add(new Message(id, event, data.toString()));
                        }
                        id = null;
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
            } catch (java.io.IOException closed) {
                // the test closed it
            }
        }

        Message next() throws InterruptedException {
            Message message = messages.poll(10, TimeUnit.SECONDS);
            assertTrue(message != null, "a message within 10 s");
            return message;
        }

        /** Nothing more within a while (keep-alive comments are not messages). */
        void assertQuiet() throws InterruptedException {
            assertNull(messages.poll(1, TimeUnit.SECONDS), "no further message");
        }

        void close() throws Exception {
            response.body().close();
        }
    }

    @BeforeEach
    void member() {
        member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Sandbox");
        session = Session.signIn(member);
        token = Webhooks.tokenOf(member.tenantId());
        floating = deviceOf(5003, "FLOATING");
    }

    @AfterEach
    void close() throws Exception {
        for (Stream stream : open) {
            stream.close();
        }
    }

    @Test
    void aReceivedEventReachesAConnectedBrowserAsABadgeUpdate() throws Exception {
        Stream stream = new Stream("/events/stream", null, session);
        Webhooks.post(token, Webhooks.deviceStatus(5003, floating, "DOWN", Instant.now())).then().statusCode(201);
        Message badge = stream.next();
        assertEquals("device-5003-" + floating, badge.event());
        // The same badge as the device page's (tags/status.html), marked with the device like it.
        assertTrue(badge.data().contains("<span class=\"status status-DOWN\" data-device-status=\"" + floating + "\">DOWN</span>"),
                badge.data());
        assertEquals(Long.toString(Webhooks.stored(member.tenantId()).get(0).id), badge.id());

        Webhooks.post(token, Webhooks.agentStatus(5003, "DOWN", Instant.now())).then().statusCode(201);
        Message site = stream.next();
        assertEquals("agent-5003", site.event());
        assertTrue(site.data().contains("status-OFFLINE"), site.data());
        stream.assertQuiet();
        // Each status change also tells an open NOC page that the fleet changed (it reloads its tiles).
        Waits.until("two fleet messages", () -> stream.fleetNews.get() == 2);
    }

    @Test
    void eventsReceivedAtTheSameTimeAllReachTheStream() throws Exception {
        Stream stream = new Stream("/events/stream", null, session);
        ExecutorService senders = Executors.newFixedThreadPool(10);
        Instant now = Instant.now();
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int device = 300_000 + i;
            posts.add(senders.submit(() -> Webhooks.post(token, Webhooks.deviceStatus(5003, device, "DOWN", now))
                    .then().statusCode(201)));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        senders.shutdown();
        Set<String> badges = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            badges.add(stream.next().event());
        }
        assertEquals(40, badges.size(), "one badge message per event, none lost to the order they were stored in");
        stream.assertQuiet();
    }

    @Test
    void aBadgeNeverGoesBackInTime() throws Exception {
        Stream stream = new Stream("/events/stream", null, session);
        Instant now = Instant.now();
        Webhooks.post(token, Webhooks.deviceStatus(5003, floating, "UP", now)).then().statusCode(201);
        assertTrue(stream.next().data().contains("status-ONLINE"));
        // Domotz's older event arrives late (a retried delivery): stored and listed, but the badge stays.
        Webhooks.post(token, Webhooks.deviceStatus(5003, floating, "DOWN", now.minusSeconds(30))).then().statusCode(201);
        stream.assertQuiet();
        assertEquals(2, Webhooks.stored(member.tenantId()).size());
    }

    @Test
    void anotherTenantsEventsNeverReachTheStream() throws Exception {
        Stream stream = new Stream("/events/stream", null, session);
        Accounts.Member stranger = Accounts.tenantWith(Role.ADMIN);
        Webhooks.post(Webhooks.tokenOf(stranger.tenantId()), Webhooks.deviceStatus(5003, floating, "DOWN", Instant.now()))
                .then().statusCode(201);
        stream.assertQuiet();
    }

    @Test
    void theEventsPagesStreamSendsRowsMatchingItsFilter() throws Exception {
        Stream rows = new Stream("/events/stream?rows=1&site=5006", null, session);
        Webhooks.post(token, Webhooks.deviceStatus(5003, floating, "DOWN", Instant.now())).then().statusCode(201);
        Webhooks.post(token, Webhooks.deviceStatus(5006, 102004, "DOWN", Instant.now())).then().statusCode(201);
        Message row = rows.next();
        assertEquals("event-row", row.event());
        assertTrue(row.data().startsWith("<tr") && row.data().contains("href=\"/agents/5006/devices/102004\""), row.data());
        rows.assertQuiet();
    }

    @Test
    void aReconnectingBrowserGetsWhatItMissedOnceAndInOrder() throws Exception {
        Stream first = new Stream("/events/stream", null, session);
        Webhooks.post(token, Webhooks.deviceStatus(5003, floating, "DOWN", Instant.now())).then().statusCode(201);
        String seen = first.next().id();
        first.close();

        // While the browser is away (a network blip), two more events come in.
        Webhooks.post(token, Webhooks.deviceStatus(5003, floating, "UP", Instant.now().plusSeconds(1))).then().statusCode(201);
        Webhooks.post(token, Webhooks.agentStatus(5003, "DOWN", Instant.now().plusSeconds(2))).then().statusCode(201);

        Stream again = new Stream("/events/stream", seen, session);
        Message missedFirst = again.next();
        Message missedSecond = again.next();
        assertEquals("device-5003-" + floating, missedFirst.event());
        assertTrue(missedFirst.data().contains("status-ONLINE"));
        assertEquals("agent-5003", missedSecond.event());
        assertTrue(Long.parseLong(missedFirst.id()) > Long.parseLong(seen));
        assertTrue(Long.parseLong(missedSecond.id()) > Long.parseLong(missedFirst.id()));

        // Live again after the catch-up, and nothing twice.
        Webhooks.post(token, Webhooks.deviceStatus(5003, floating, "DOWN", Instant.now().plusSeconds(3))).then().statusCode(201);
        Message live = again.next();
        assertTrue(live.data().contains("status-DOWN"));
        again.assertQuiet();

        // "after" in the URL (what htmx uses when it opens a new connection) works the same way.
        Stream byUrl = new Stream("/events/stream?after=" + missedSecond.id(), null, session);
        assertEquals(live.id(), byUrl.next().id());
        byUrl.assertQuiet();
    }

    @Test
    void aVitalDeviceGoingDownAlsoSendsAToast() throws Exception {
        int vital = deviceOf(5006, "VITAL");
        session.get("/agents/5006/devices/" + vital).then().statusCode(200); // the cache now knows it is VITAL
        Stream stream = new Stream("/events/stream", null, session);
        Webhooks.post(token, Webhooks.deviceStatus(5006, vital, "DOWN", Instant.now())).then().statusCode(201);
        assertEquals("device-5006-" + vital, stream.next().event());
        Message toast = stream.next();
        assertEquals("toast", toast.event());
        assertTrue(toast.data().contains("is DOWN") && toast.data().contains("/agents/5006/devices/" + vital), toast.data());
        Webhooks.post(token, Webhooks.deviceStatus(5006, vital, "UP", Instant.now().plusSeconds(1))).then().statusCode(201);
        assertFalse("toast".equals(stream.next().event()), "no toast when it comes back");
    }

    @Test
    void aVitalDeviceInAMaintenanceWindowRaisesNoToastAndItsEventIsMarked() throws Exception {
        int vital = deviceOf(5006, "VITAL");
        session.get("/agents/5006/devices/" + vital).then().statusCode(200); // the cache now knows it is VITAL
        // Issue #18: a window on this device, on now (a technician would make it on the site's maintenance page).
        Accounts.Member tech = Accounts.memberOf(member.tenantId(), Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Sandbox");
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        String zone = Session.signIn(tech).get("/agents/5006/maintenance").asString()
                .replaceAll("(?s).*Times are the site's own \\(([^)]+)\\).*", "$1");
        java.time.LocalDateTime local = now.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(java.time.ZoneId.of(zone))
                .toLocalDateTime();
        java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        Session.signIn(tech).post("/agents/5006/maintenance", java.util.Map.of("title", "UPS swap", "covers", "DEVICES",
                "devices", String.valueOf(vital), "kind", "ONCE", "from", minutes.format(local.minusHours(1)),
                "to", minutes.format(local.plusHours(1)))).then().statusCode(303);

        Stream stream = new Stream("/events/stream", null, session);
        Webhooks.post(token, Webhooks.deviceStatus(5006, vital, "DOWN", Instant.now())).then().statusCode(201);
        assertEquals("device-5006-" + vital, stream.next().event(), "the badge still turns");
        // Had a toast been sent, it would come before the next event's badge.
        Webhooks.post(token, Webhooks.deviceStatus(5006, vital, "UP", Instant.now().plusSeconds(1))).then().statusCode(201);
        Message next = stream.next();
        assertEquals("device-5006-" + vital, next.event(), "no toast for planned work");
        assertTrue(next.data().contains("status-ONLINE"), next.data());
        session.get("/events?site=5006").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("in maintenance"));
    }

    @Test
    void aRowStreamWithAFilterItCannotReadSaysWhy() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "events/stream?rows=1&site=abc"))
                .header("Cookie", "sitedeck-session=" + session.sessionCookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("'abc' is not a site id"), refused.body());
    }

    @Test
    void aStreamNeedsASignedInMember() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "events/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 401, "status " + anonymous.statusCode());
    }

    private static int deviceOf(int agent, String importance) {
        JsonPath devices = SandboxApi.call().get(SandboxApi.BASE + "/agent/" + agent + "/device").then().statusCode(200)
                .extract().jsonPath();
        for (int i = 0; i < devices.getList("$").size(); i++) {
            if (importance.equals(devices.getString("[" + i + "].importance")) && !"DUMMY".equals(devices.getString("[" + i + "].protocol"))) {
                return devices.getInt("[" + i + "].id");
            }
        }
        throw new AssertionError("no " + importance + " device on agent " + agent);
    }
}
