package io.sitedeck.events;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** /hooks/domotz/{token}: what is stored, what is refused, once only, and for how long. */
@QuarkusTest
class WebhookReceiverTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;


    @Inject
    EventRetention retention;

    Accounts.Member admin;
    String token;

    @BeforeEach
    void tenant() {
        admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(admin, "Sandbox");
        token = Webhooks.tokenOf(admin.tenantId());
    }

    /** The reference's example of each of the ten events, with real ids. */
    static Stream<String> referenceExamples() {
        String at = "\"timestamp\":\"2019-06-11T09:08:10Z\"";
        return Stream.of(
                "{\"data\":{\"agent_id\":5003,\"value\":[{\"port\":23,\"type\":\"TCP_OPEN_PORT\"}]},\"name\":\"agent_security_issue\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"status\":\"SPEED_TEST_ISSUE_DETECTED\",\"threshold\":{\"download\":50,\"upload\":10},"
                        + "\"value\":{\"download\":12,\"upload\":3}},\"name\":\"agent_speed_test\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"value\":\"UP\"},\"name\":\"agent_status\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":103077},\"name\":\"agent_device_discovery\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":101004},\"name\":\"device_heartbeat_lost\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":101004,\"old_ip_addresses\":[\"192.168.1.14\"],\"value\":[\"192.168.1.140\"]},"
                        + "\"name\":\"device_ip_change\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":101004,\"status\":\"RTD_ISSUE_DETECTED\",\"threshold\":{\"latency\":100,"
                        + "\"packet_loss_percentage\":5},\"value\":{\"latency\":250,\"packet_loss_percentage\":1}},\"name\":\"device_rtd\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":101004,\"trigger_name\":\"Temperature\",\"value\":\"71\"},\"name\":\"device_snmp\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":101004,\"value\":\"DOWN\"},\"name\":\"device_status\"," + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":101004,\"value\":[{\"port\":443,\"status\":\"DOWN\"}]},\"name\":\"device_tcp\"," + at + "}");
    }

    @ParameterizedTest
    @MethodSource("referenceExamples")
    void eachOfTheTenEventsIsStoredAndAnswered201(String body) {
        Webhooks.post(token, body).then().statusCode(201).body(containsString("Stored"));
        List<StoredEvent> stored = Webhooks.stored(admin.tenantId());
        assertEquals(1, stored.size());
        StoredEvent event = stored.get(0);
        assertTrue(body.contains("\"name\":\"" + event.name + "\""));
        assertEquals(5003, event.agentId);
        assertEquals(Instant.parse("2019-06-11T09:08:10Z"), event.occurredAt);
        assertFalse(event.summary.isBlank());
    }

    static Stream<String> invalidBodies() {
        String at = ",\"timestamp\":\"2026-11-26T10:00:00Z\"";
        return Stream.of(
                "not json at all",
                "{\"data\":{\"agent_id\":5003,\"device_id\":1,\"value\":\"DOWN\"},\"name\":\"device_status\"" + at + "} trailing",
                "[{\"name\":\"device_status\"}]",
                "{\"data\":{\"agent_id\":5003,\"device_id\":1},\"name\":\"device_exploded\"" + at + "}",
                "{\"data\":{\"agent_id\":5003,\"value\":\"DOWN\"},\"name\":\"device_status\"" + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":1,\"value\":\"SIDEWAYS\"},\"name\":\"device_status\"" + at + "}",
                "{\"data\":{\"agent_id\":\"5003\",\"device_id\":1,\"value\":\"DOWN\"},\"name\":\"device_status\"" + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":1,\"value\":\"DOWN\"},\"name\":\"device_status\",\"timestamp\":\"yesterday\"}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":1,\"value\":\"DOWN\"},\"name\":\"device_status\"}",
                "{\"data\":\"DOWN\",\"name\":\"agent_status\"" + at + "}",
                "{\"data\":{\"agent_id\":5003,\"value\":[{\"port\":23,\"type\":\"OPEN_DOOR\"}]},\"name\":\"agent_security_issue\"" + at + "}",
                "{\"data\":{\"agent_id\":5003,\"device_id\":1,\"value\":\"10.0.0.1\"},\"name\":\"device_ip_change\"" + at + "}");
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void anythingElseIs400WithTheReasonAndNothingIsStored(String body) {
        String reason = Webhooks.post(token, body).then().statusCode(400).extract().asString();
        assertFalse(reason.isBlank(), "a reason");
        assertFalse(reason.contains("Exception") || reason.contains("at io."), "no stack trace: " + reason);
        assertEquals(0, Webhooks.stored(admin.tenantId()).size());
    }

    @Test
    void aBodyOverTheLimitIs413AndNothingIsStored() {
        String padding = "x".repeat(70_000);
        String body = "{\"data\":{\"agent_id\":5003,\"device_id\":1,\"value\":\"DOWN\",\"padding\":\"" + padding
                + "\"},\"name\":\"device_status\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
        Webhooks.post(token, body).then().statusCode(413);
        assertEquals(0, Webhooks.stored(admin.tenantId()).size());
    }

    @Test
    void anUnknownOrReplacedTokenIs404() {
        String body = Webhooks.deviceStatus(5003, 101004, "DOWN", Instant.now());
        Webhooks.post("A".repeat(43), body).then().statusCode(404);
        Webhooks.post("short", body).then().statusCode(404);
        Webhooks.post(token + "x", body).then().statusCode(404);

        Session.signIn(admin).htmxPost("/alerts/webhook/regenerate", Map.of()).then().statusCode(200)
                .body(containsString("the old one no longer works"));
        Webhooks.post(token, body).then().statusCode(404);
        Webhooks.post(Webhooks.tokenOf(admin.tenantId()), body).then().statusCode(201);
        assertEquals(1, Webhooks.stored(admin.tenantId()).size());
        io.restassured.RestAssured.get(metrics).then()
                .body(containsString("sitedeck_webhook_requests_total{outcome=\"unknown_token\"}"));
    }

    @Test
    void aRedeliveredEventIsStoredOnceEvenWithItsKeysInAnotherOrder() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Webhooks.post(token, Webhooks.deviceStatus(5003, 101004, "DOWN", at)).then().statusCode(201);
        Webhooks.post(token, Webhooks.deviceStatus(5003, 101004, "DOWN", at)).then().statusCode(201)
                .body(containsString("Already stored"));
        Webhooks.post(token, "{ \"timestamp\": \"" + at + "\", \"name\": \"device_status\", \"data\": { \"value\": \"DOWN\","
                + " \"device_id\": 101004, \"agent_id\": 5003 } }").then().statusCode(201);
        assertEquals(1, Webhooks.stored(admin.tenantId()).size());

        // A later event of the same device is a new event; so is the same event sent to another tenant.
        Webhooks.post(token, Webhooks.deviceStatus(5003, 101004, "DOWN", at.plusSeconds(60))).then().statusCode(201);
        assertEquals(2, Webhooks.stored(admin.tenantId()).size());
        Accounts.Member other = Accounts.tenantWith(Role.ADMIN);
        Webhooks.post(Webhooks.tokenOf(other.tenantId()), Webhooks.deviceStatus(5003, 101004, "DOWN", at)).then().statusCode(201);
        assertEquals(1, Webhooks.stored(other.tenantId()).size());
    }

    @Test
    void eventsOlderThanTheRetentionAreDeletedByTheCleanUpJob() {
        Webhooks.post(token, Webhooks.deviceStatus(5003, 101004, "DOWN", Instant.now().minusSeconds(60))).then().statusCode(201);
        Webhooks.post(token, Webhooks.deviceStatus(5003, 101004, "UP", Instant.now())).then().statusCode(201);
        long old = Webhooks.stored(admin.tenantId()).get(0).id;
        QuarkusTransaction.requiringNew().run(() -> StoredEvent.update("receivedAt = ?1 where id = ?2",
                Instant.now().minus(31, ChronoUnit.DAYS), old));

        assertTrue(retention.cleanNow() >= 1);
        List<StoredEvent> left = Webhooks.stored(admin.tenantId());
        assertEquals(1, left.size(), "the recent one stays");
        assertEquals("UP", left.get(0).state);
    }

    @Test
    void theWebhookUrlIsShownToAdminsOnlyAndOnlyAdminsReplaceIt() {
        Session.signIn(admin).htmxGet("/alerts/webhook").then().statusCode(200)
                .body(containsString("/hooks/domotz/" + token)).body(containsString("Set it up in the Domotz portal"));
        Accounts.Member technician = Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN);
        Session tech = Session.signIn(technician);
        tech.htmxGet("/alerts/webhook").then().statusCode(200)
                .body(containsString("An admin of your team")).body(org.hamcrest.Matchers.not(containsString(token)));
        tech.htmxPost("/alerts/webhook/regenerate", Map.of()).then().statusCode(403);
        Session.signIn(admin).request().header("HX-Request", "true").post("/alerts/webhook/regenerate")
                .then().statusCode(403); // no CSRF token
        assertEquals(token, Webhooks.tokenOf(admin.tenantId()), "unchanged");
    }
}
