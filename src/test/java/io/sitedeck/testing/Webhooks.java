package io.sitedeck.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitedeck.events.StoredEvent;
import io.sitedeck.events.WebhookTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Posting Domotz webhook events to a tenant's URL, and reading what was stored. */
public final class Webhooks {

    private Webhooks() {
    }

    public static String tokenOf(long tenantId) {
        return Arc.container().instance(WebhookTokens.class).get().tokenOf(tenantId);
    }

    public static Response post(String token, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/hooks/domotz/" + token);
    }

    /** A DeviceStatusChangeEvent as the reference's example has it. */
    public static String deviceStatus(int agentId, int deviceId, String upOrDown, Instant at) {
        return "{\"data\":{\"agent_id\":" + agentId + ",\"device_id\":" + deviceId + ",\"value\":\"" + upOrDown
                + "\"},\"name\":\"device_status\",\"timestamp\":\"" + at.truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    /** An AgentStatusEvent. */
    public static String agentStatus(int agentId, String upOrDown, Instant at) {
        return "{\"data\":{\"agent_id\":" + agentId + ",\"value\":\"" + upOrDown + "\"},\"name\":\"agent_status\","
                + "\"timestamp\":\"" + at.truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    /** The tenant's stored events, oldest first. */
    public static List<StoredEvent> stored(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() ->
                StoredEvent.<StoredEvent>list("tenantId = ?1 order by id", tenantId));
    }
}
