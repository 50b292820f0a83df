package io.sitedeck.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.MailCatcher;
import io.sitedeck.testing.MovableClock;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #19 with real receivers: WireMock for Teams, Slack and a signed webhook, GreenMail for e-mail. Webhook events
 * are posted to the tenant's URL as Domotz sends them; time is moved, never waited for. Agent 5003 is only read.
 */
@QuarkusTest
class NotificationsTest {

    private static final String SECRET = "a-signing-secret-of-the-receiver";
    private static WireMockServer receiver;

    @Inject
    NotificationSender sender;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void emptyReceivers() throws Exception {
        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/teams")).willReturn(aResponse().withStatus(202)));
        receiver.stubFor(post(urlEqualTo("/slack")).willReturn(aResponse().withStatus(200).withBody("ok")));
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        MailCatcher.greenMail().purgeEmailFromAllMailboxes();
        // A round sends every tenant's due entries: nothing another test left behind may count in this one's.
        QuarkusTransaction.requiringNew().run(() -> OutboxEntry.update("status = 'CANCELLED' where status = 'PENDING'"));
        // Nor may an earlier test's rules queue anything while this one runs (the sandbox sends webhooks of its own).
        QuarkusTransaction.requiringNew().run(() -> NotificationRule.update("active = false where active = true"));
    }

    @AfterEach
    void backToThePresent() {
        MovableClock.reset();
    }

    /** A tenant with an admin whose connection has read agent 5003 (so its devices' importance is known). */
    private record Tenant(Accounts.Member admin, Session session, String token) {
        long channel(String name, String kind, String target) {
            Map<String, Object> form = new HashMap<>(Map.of("name", name, "kind", kind, "target", target));
            if (kind.equals("WEBHOOK")) {
                form.put("secret", SECRET);
            }
            session.post("/notifications/channels", form).then().statusCode(303);
            return QuarkusTransaction.requiringNew().call(() -> NotificationChannel.<NotificationChannel>find(
                    "tenantId = ?1 and name = ?2", admin.tenantId(), name).singleResult().id);
        }

        /**
         * Adds a rule for site 5003, where every event of these tests happens: the sandbox also sends its own
         * webhooks to every tenant on it (after another test class changed something), and a rule for every
         * site would queue those too.
         */
        void rule(Map<String, Object> form) {
            Map<String, Object> scoped = new HashMap<>(form);
            scoped.putIfAbsent("sites", "5003");
            session.post("/notifications/rules", scoped).then().statusCode(303);
        }

        void event(String body) {
            Webhooks.post(token, body).then().statusCode(201);
        }
    }

    private static Tenant tenant() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(admin, "Sandbox");
        Session session = Session.signIn(admin);
        session.get("/agents/5003").then().statusCode(200);
        return new Tenant(admin, session, Webhooks.tokenOf(admin.tenantId()));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    /** Vital (or not) devices of agent 5003, as the sandbox lists them. */
    private static List<Integer> devices(boolean vital, int how) {
        return devices(vital, how, null);
    }

    /** The same, in this status only (DOWN: what a console acknowledgement needs), or any status (null). */
    private static List<Integer> devices(boolean vital, int how, String status) {
        JsonPath list = SandboxApi.call().get(SandboxApi.BASE + "/agent/5003/device").then().extract().jsonPath();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < list.getList("$").size() && ids.size() < how; i++) {
            if ("VITAL".equals(list.getString("[" + i + "].importance")) == vital
                    && (status == null || status.equals(list.getString("[" + i + "].status")))) {
                ids.add(list.getInt("[" + i + "].id"));
            }
        }
        return ids;
    }

    private static Instant now() {
        return MovableClock.INSTANCE.instant();
    }

    @Test
    void eachChannelKindGetsItsBodyWithTheKeyAndTheWebhookIsSigned() throws Exception {
        Tenant t = tenant();
        long teams = t.channel("NOC Teams", "TEAMS", url("/teams"));
        long slack = t.channel("On-call Slack", "SLACK", url("/slack"));
        long hook = t.channel("PSA", "WEBHOOK", url("/hook"));
        long mail = t.channel("NOC mail", "EMAIL", "noc@msp.example");
        t.rule(Map.of("name", "Everything down", "kinds", List.of("device_status"), "delay", "0",
                "channels", List.of(teams, slack, hook, mail)));
        int device = devices(true, 1).get(0);
        t.event(Webhooks.deviceStatus(5003, device, "DOWN", now()));
        double sentToTeams = sent("teams");

        assertEquals(4, sender.round(), "one message per channel");
        assertEquals(sentToTeams + 1, sent("teams"), "sitedeck_notifications_total{channel=teams,outcome=sent}");
        LoggedRequest teamsCall = receiver.findAll(postRequestedFor(urlEqualTo("/teams"))).get(0);
        JsonPath card = JsonPath.from(teamsCall.getBodyAsString());
        assertEquals("message", card.getString("type"));
        assertEquals("application/vnd.microsoft.card.adaptive", card.getString("attachments[0].contentType"));
        String title = card.getString("attachments[0].content.body[0].text");
        assertTrue(title.endsWith(" is down — " + site()), title);
        assertTrue(card.getString("attachments[0].content.actions[0].url").endsWith("/agents/5003/devices/" + device));
        String slackText = JsonPath.from(receiver.findAll(postRequestedFor(urlEqualTo("/slack"))).get(0).getBodyAsString())
                .getString("text");
        assertTrue(slackText.startsWith("*") && slackText.contains("|Open in Sitedeck>"), slackText);

        LoggedRequest hookCall = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        String body = hookCall.getBodyAsString();
        String timestamp = hookCall.getHeader("X-Sitedeck-Timestamp");
        assertEquals("sha256=" + hmac(SECRET, timestamp + "." + body), hookCall.getHeader("X-Sitedeck-Signature"),
                "the signature is HMAC-SHA256 of timestamp.body with the channel's secret");
        String key = hookCall.getHeader("Idempotency-Key");
        assertEquals(key, JsonPath.from(body).getString("idempotency_key"));
        assertTrue(key.matches("t" + t.admin().tenantId() + ":e\\d+:c" + hook + ":down"), key);
        assertEquals(teamsCall.getHeader("Idempotency-Key").replace(":c" + teams, ":c" + hook), key,
                "the key names the event and the channel");
        assertEquals("DOWN", JsonPath.from(body).getString("kind"));

        jakarta.mail.internet.MimeMessage[] mails = MailCatcher.greenMail().getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals(title, mails[0].getSubject());
        assertEquals(1, mails[0].getHeader("X-Sitedeck-Idempotency-Key").length);

        assertEquals(0, sender.round(), "sent once");
        t.session().get("/notifications/log").then().statusCode(200).body(containsString(key))
                .body(containsString("SENT"));
        Session.signIn(Accounts.tenantWith(Role.ADMIN)).get("/notifications/log").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(key))).body(containsString("Nothing yet."));
        t.session().get("/notifications/log?outcome=FAILED").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(key))).body(containsString("Nothing yet."));
        t.session().get("/notifications/log?channel=" + hook).then().body(containsString(key))
                .body(org.hamcrest.Matchers.not(containsString(":c" + teams + ":")));
        t.session().get("/notifications").then().body(containsString("http://127.0.0.1:" + receiver.port() + "/…"))
                .body(org.hamcrest.Matchers.not(containsString("/teams"))).body(org.hamcrest.Matchers.not(containsString(SECRET)));
    }

    @Test
    void sendATestSaysHowItWent() {
        Tenant t = tenant();
        receiver.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500).withBody("stack trace of theirs")));
        long good = t.channel("Good", "SLACK", url("/slack"));
        long broken = t.channel("Broken", "TEAMS", url("/broken"));
        t.session().post("/notifications/channels/" + good + "/test", Map.of()).then().statusCode(200)
                .body(containsString("Test sent to Good."));
        assertTrue(receiver.findAll(postRequestedFor(urlEqualTo("/slack"))).get(0).getBodyAsString()
                .contains("Test from Sitedeck"));
        t.session().post("/notifications/channels/" + broken + "/test", Map.of()).then().statusCode(200)
                .body(containsString("The test to Broken failed: The receiver answered HTTP 500."))
                .body(org.hamcrest.Matchers.not(containsString("stack trace of theirs")));
        t.session().get("/notifications/log?outcome=FAILED").then().body(containsString("The receiver answered HTTP 500."));
    }

    @Test
    void aFlapSendsNothingALongerOutageSendsDownThenRecovered() {
        Tenant t = tenant();
        long teams = t.channel("NOC", "TEAMS", url("/teams"));
        t.rule(Map.of("name", "Down for 5 min", "kinds", List.of("device_status"), "delay", "5",
                "channels", List.of(teams)));
        int device = devices(false, 1).get(0);
        t.event(Webhooks.deviceStatus(5003, device, "DOWN", now()));
        MovableClock.advance(Duration.ofMinutes(4));
        assertEquals(0, sender.round(), "not yet five minutes");
        t.event(Webhooks.deviceStatus(5003, device, "UP", now()));
        MovableClock.advance(Duration.ofMinutes(2));
        assertEquals(0, sender.round(), "recovered within the delay: nothing at all");
        assertEquals(0, receiver.findAll(postRequestedFor(urlEqualTo("/teams"))).size());

        t.event(Webhooks.deviceStatus(5003, device, "DOWN", now()));
        MovableClock.advance(Duration.ofMinutes(5));
        assertEquals(1, sender.round(), () -> "down for five minutes: " + outbox(t));
        MovableClock.advance(Duration.ofMinutes(2));
        t.event(Webhooks.deviceStatus(5003, device, "UP", now()));
        assertEquals(1, sender.round(), "the recovery");
        List<LoggedRequest> calls = receiver.findAll(postRequestedFor(urlEqualTo("/teams")));
        assertEquals(2, calls.size());
        assertTrue(calls.get(0).getBodyAsString().contains(" is down"), calls.get(0).getBodyAsString());
        assertTrue(calls.get(1).getBodyAsString().contains("is back up after 7 min"), calls.get(1).getBodyAsString());
    }

    @Test
    void twoRulesForOneChannelSendOneMessageAndAnUpInQuietHoursStillCancelsItsDown() {
        Tenant t = tenant();
        long teams = t.channel("NOC", "TEAMS", url("/teams"));
        t.rule(Map.of("name", "Status", "kinds", List.of("device_status"), "delay", "5", "channels", List.of(teams)));
        t.rule(Map.of("name", "Everything", "delay", "5", "channels", List.of(teams)));
        int device = devices(false, 1).get(0);
        t.event(Webhooks.deviceStatus(5003, device, "DOWN", now()));
        assertEquals(1L, queued(t), "one entry for the event and the channel");
        MovableClock.advance(Duration.ofMinutes(6));
        assertEquals(1, sender.round());
        assertEquals(1, receiver.findAll(postRequestedFor(urlEqualTo("/teams"))).size());

        // A rule whose quiet hours begin between a DOWN and its UP: the UP still cancels the waiting DOWN.
        Tenant quiet = tenant();
        long noc = quiet.channel("NOC", "TEAMS", url("/teams"));
        Instant down = now();
        String from = java.time.LocalTime.ofInstant(down.plusSeconds(60), java.time.ZoneOffset.UTC).withSecond(0).withNano(0).toString();
        String to = java.time.LocalTime.ofInstant(down.plusSeconds(4 * 3600), java.time.ZoneOffset.UTC).withSecond(0).withNano(0).toString();
        quiet.rule(Map.of("name", "Nights", "kinds", List.of("device_status"), "delay", "5", "channels", List.of(noc),
                "quietFrom", from, "quietTo", to));
        quiet.event(Webhooks.deviceStatus(5003, device, "DOWN", down));
        MovableClock.advance(Duration.ofMinutes(3));
        quiet.event(Webhooks.deviceStatus(5003, device, "UP", now()));
        MovableClock.advance(Duration.ofMinutes(5));
        assertEquals(0, sender.round(), "the DOWN was cancelled by its UP, quiet hours or not");
        assertEquals(1, receiver.findAll(postRequestedFor(urlEqualTo("/teams"))).size());
    }

    @Test
    void aSiteGoingOfflineWithItsDevicesIsOneMessage() {
        Tenant t = tenant();
        long teams = t.channel("NOC", "TEAMS", url("/teams"));
        t.rule(Map.of("name", "Outages", "kinds", List.of("device_status", "agent_status"), "delay", "3",
                "channels", List.of(teams)));
        t.event(Webhooks.agentStatus(5003, "DOWN", now()));
        List<Integer> ids = devices(false, 6);
        for (int id : ids) {
            t.event(Webhooks.deviceStatus(5003, id, "DOWN", now().plusSeconds(1)));
        }
        MovableClock.advance(Duration.ofMinutes(4));
        assertEquals(1, sender.round(), "one message for the burst");
        List<LoggedRequest> calls = receiver.findAll(postRequestedFor(urlEqualTo("/teams")));
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).getBodyAsString().contains("7 down at " + site()), calls.get(0).getBodyAsString());
        assertEquals(7L, QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("tenantId = ?1 and status = 'SENT'",
                t.admin().tenantId())));
    }

    @Test
    void quietHoursAndMaintenanceHoldEverythingBack() {
        Tenant t = tenant();
        long teams = t.channel("NOC", "TEAMS", url("/teams"));
        Instant now = now();
        String from = java.time.LocalTime.ofInstant(now.minusSeconds(3600), java.time.ZoneOffset.UTC).withSecond(0).withNano(0).toString();
        String to = java.time.LocalTime.ofInstant(now.plusSeconds(3600), java.time.ZoneOffset.UTC).withSecond(0).withNano(0).toString();
        t.rule(Map.of("name", "Quiet now", "kinds", List.of("device_status"), "delay", "0", "channels", List.of(teams),
                "quietFrom", from, "quietTo", to));
        List<Integer> ids = devices(false, 3);
        t.event(Webhooks.deviceStatus(5003, ids.get(0), "DOWN", now));
        assertEquals(0, sender.round(), "quiet hours (the tenant's zone: UTC)");
        assertEquals(0L, queued(t));

        long rule = QuarkusTransaction.requiringNew().call(() -> NotificationRule.<NotificationRule>find("tenantId",
                t.admin().tenantId()).singleResult().id);
        t.session().post("/notifications/rules/" + rule + "/off", Map.of()).then().statusCode(303);
        t.rule(Map.of("name", "Always", "kinds", List.of("device_status"), "delay", "0", "channels", List.of(teams)));
        java.time.ZoneId zone = java.time.ZoneId.of(SandboxApi.call().get(SandboxApi.BASE + "/agent/5003").then().extract()
                .jsonPath().getString("timezone"));
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(now, zone).withSecond(0).withNano(0);
        t.session().post("/agents/5003/maintenance", Map.of("title", "Rack move", "covers", "SITE", "kind", "ONCE",
                "from", local.minusHours(1).toString(), "to", local.plusHours(1).toString(), "devices", ""))
                .then().statusCode(303);
        t.event(Webhooks.deviceStatus(5003, ids.get(1), "DOWN", now.plusSeconds(1)));
        assertEquals(0L, queued(t), "a maintenance window holds it back");
        MovableClock.advance(Duration.ofHours(2));
        t.event(Webhooks.deviceStatus(5003, ids.get(2), "DOWN", now()));
        assertEquals(1L, queued(t), "after the window, the same rule queues");
        assertEquals(1, sender.round());
    }

    private static long queued(Tenant t) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("tenantId", t.admin().tenantId()));
    }

    @Test
    void aVitalDownNobodyAcknowledgesEscalatesAndAnAcknowledgedOneDoesNot() {
        Tenant t = tenant();
        long teams = t.channel("NOC", "TEAMS", url("/teams"));
        long slack = t.channel("Duty manager", "SLACK", url("/slack"));
        t.rule(Map.of("name", "Vital", "kinds", List.of("device_status"), "vitalOnly", "true", "delay", "0",
                "channels", List.of(teams), "escalateTo", String.valueOf(slack), "escalateAfter", "10"));
        List<Integer> vital = new ArrayList<>(devices(true, 1, "ONLINE"));
        vital.addAll(devices(true, 1, "DOWN"));
        assertEquals(2, vital.size(), "agent 5003 has a vital device online and one down");
        t.event(Webhooks.deviceStatus(5003, vital.get(0), "DOWN", now()));
        t.event(Webhooks.deviceStatus(5003, vital.get(1), "DOWN", now()));
        t.event(Webhooks.deviceStatus(5003, devices(false, 1).get(0), "DOWN", now()));
        assertEquals(1, sender.round(), "the two vital devices, one message (the same site); the other is not vital");
        t.session().post("/agents/5003/devices/" + vital.get(1) + "/acknowledge", Map.of("note", "On it", "until", ""))
                .then().statusCode(303);
        MovableClock.advance(Duration.ofMinutes(9));
        assertEquals(0, sender.round(), "not before ten minutes");
        MovableClock.advance(Duration.ofMinutes(2));
        sender.round();
        List<LoggedRequest> escalations = receiver.findAll(postRequestedFor(urlEqualTo("/slack")));
        assertEquals(1, escalations.size(), "only the device nobody acknowledged escalates");
        assertTrue(escalations.get(0).getBodyAsString().contains("Not acknowledged"), escalations.get(0).getBodyAsString());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("tenantId = ?1 and kind = 'ESCALATION'"
                + " and status = 'CANCELLED'", t.admin().tenantId())));
    }

    @Test
    void theLinkInTheMessageAcknowledgesWithoutSigningInAndStopsTheEscalation() {
        Tenant t = tenant();
        long teams = t.channel("NOC", "TEAMS", url("/teams"));
        long slack = t.channel("Duty manager", "SLACK", url("/slack"));
        t.rule(Map.of("name", "Vital", "kinds", List.of("device_status"), "vitalOnly", "true", "delay", "0",
                "channels", List.of(teams), "escalateTo", String.valueOf(slack), "escalateAfter", "10"));
        int device = devices(true, 1).get(0);
        t.event(Webhooks.deviceStatus(5003, device, "DOWN", now()));
        assertEquals(1, sender.round());
        JsonPath card = JsonPath.from(receiver.findAll(postRequestedFor(urlEqualTo("/teams"))).get(0).getBodyAsString());
        assertEquals("Acknowledge", card.getString("attachments[0].content.actions[1].title"));
        String link = java.net.URI.create(card.getString("attachments[0].content.actions[1].url")).getPath();
        assertTrue(link.startsWith("/notifications/ack/"), link);

        // Opening the link (as a chat app's preview does) changes nothing.
        io.restassured.RestAssured.given().redirects().follow(false).get(link).then().statusCode(200)
                .body(containsString("is down since"));
        assertEquals(0L, acknowledgements(t));
        io.restassured.RestAssured.given().redirects().follow(false).cookie("sitedeck-csrf", Session.CSRF)
                .contentType("application/x-www-form-urlencoded").formParam("name", "Ann").formParam("note", "On my way")
                .post(link).then().statusCode(403);
        io.restassured.RestAssured.given().redirects().follow(false).cookie("sitedeck-csrf", Session.CSRF)
                .contentType("application/x-www-form-urlencoded").formParam("name", "Ann").formParam("note", "On my way")
                .formParam("_csrf", Session.CSRF).post(link).then().statusCode(303);
        assertEquals(1L, acknowledgements(t));
        MovableClock.advance(Duration.ofMinutes(11));
        assertEquals(0, sender.round(), "the escalation was stopped");
        assertEquals(0, receiver.findAll(postRequestedFor(urlEqualTo("/slack"))).size());
        io.restassured.RestAssured.given().get("/notifications/ack/not-a-token").then().statusCode(404);
        t.event(Webhooks.deviceStatus(5003, device, "UP", now()));
        io.restassured.RestAssured.given().get(link).then().statusCode(404).body(containsString("expired"));
    }

    private static long acknowledgements(Tenant t) {
        return QuarkusTransaction.requiringNew().call(() -> io.sitedeck.availability.DeviceAcknowledgement.count(
                "tenantId = ?1 and madeBy = ?2", t.admin().tenantId(), "Ann (via a notification link)"));
    }

    @Test
    void aReceiverThatIsDownGetsEachNotificationOnceWhenItIsBack() {
        Tenant t = tenant();
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("outage").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(200)));
        long hook = t.channel("PSA", "WEBHOOK", url("/flaky"));
        t.rule(Map.of("name", "All", "kinds", List.of("device_status"), "delay", "0", "channels", List.of(hook)));
        t.event(Webhooks.deviceStatus(5003, devices(false, 1).get(0), "DOWN", now()));
        assertEquals(0, sender.round(), "503");
        assertEquals(0, sender.round(), "not before the backoff");
        MovableClock.advance(Duration.ofSeconds(31));
        assertEquals(0, sender.round(), "503 again");
        MovableClock.advance(Duration.ofSeconds(61));
        assertEquals(1, sender.round(), "back: delivered");
        MovableClock.advance(Duration.ofMinutes(10));
        assertEquals(0, sender.round(), "and never again");
        List<LoggedRequest> calls = receiver.findAll(postRequestedFor(urlEqualTo("/flaky")));
        assertEquals(3, calls.size());
        assertEquals(1, calls.stream().map(c -> c.getHeader("Idempotency-Key")).distinct().count(), "one key throughout");
        OutboxEntry entry = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find("tenantId",
                t.admin().tenantId()).singleResult());
        assertEquals(OutboxEntry.SENT, entry.status);
        assertEquals(3, entry.attempts);
        receiver.verify(3, postRequestedFor(urlEqualTo("/flaky")).withHeader("Idempotency-Key", equalTo(entry.idempotencyKey)));
    }

    private double sent(String channel) {
        io.micrometer.core.instrument.Counter counter = metrics.find("sitedeck.notifications").tag("channel", channel)
                .tag("outcome", "sent").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void twoInstancesAtOnceSendEachNotificationOnce() throws Exception {
        Tenant t = tenant();
        List<Long> channels = new ArrayList<>();
        for (String path : List.of("/teams", "/slack", "/hook")) {
            channels.add(t.channel("To " + path, path.equals("/hook") ? "WEBHOOK" : path.equals("/teams") ? "TEAMS" : "SLACK",
                    url(path)));
        }
        t.rule(Map.of("name", "All", "kinds", List.of("device_status"), "delay", "0", "channels", channels));
        t.event(Webhooks.deviceStatus(5003, devices(false, 1).get(0), "DOWN", now()));
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            int total = 0;
            List<java.util.concurrent.Callable<Integer>> rounds = List.of(sender::round, sender::round);
            for (java.util.concurrent.Future<Integer> round : two.invokeAll(rounds)) {
                total += round.get();
            }
            assertEquals(3, total, "three notifications between the two rounds");
        } finally {
            two.shutdownNow();
        }
        for (String path : List.of("/teams", "/slack", "/hook")) {
            assertEquals(1, receiver.findAll(postRequestedFor(urlEqualTo(path))).size(), "once to " + path);
        }
    }

    private static List<String> outbox(Tenant t) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>list("tenantId = ?1 order by id",
                t.admin().tenantId()).stream().map(e -> e.kind + " " + e.status + " " + e.idempotencyKey + " " + e.lastError)
                .toList());
    }

    private static String site() {
        return SandboxApi.call().get(SandboxApi.BASE + "/agent/5003").then().extract().jsonPath().getString("display_name");
    }

    static String hmac(String secret, String payload) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
