package io.sitedeck.events;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Webhooks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 13, item 13: a team's webhook URL has a rate, a cap on stored events, and no events from the future. */
@QuarkusTest
class WebhookLimitsTest {

    @Test
    void aFutureDatedEventIsRefused() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        String token = Webhooks.tokenOf(admin.tenantId());
        Webhooks.post(token, Webhooks.deviceStatus(5003, 102004, "DOWN", Instant.now().plus(Duration.ofHours(1))))
                .then().statusCode(400).body(containsString("is in the future"));
        Webhooks.post(token, Webhooks.deviceStatus(5003, 102004, "DOWN", Instant.now().plus(Duration.ofMinutes(1))))
                .then().statusCode(201);
        assertEquals(1, Webhooks.stored(admin.tenantId()).size());
    }

    @Test
    void aTeamThatSendsTooFastIsAnswered429WithRetryAfter() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        String token = Webhooks.tokenOf(admin.tenantId());
        Instant at = Instant.now().minus(Duration.ofDays(1));
        Response refused = null;
        int accepted = 0;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response answer = Webhooks.post(token, Webhooks.deviceStatus(5003, 102004, i % 2 == 0 ? "DOWN" : "UP",
                    at.plusSeconds(i)));
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(201, answer.statusCode());
                accepted++;
            }
        }
        assertTrue(refused != null, "refused after " + accepted);
        assertTrue(accepted >= 100 && accepted <= 125, "about the configured burst of 120: " + accepted);
        assertTrue(refused.asString().contains("Too many webhook events"), refused.asString());
        assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) >= 1);
        // Another team is not affected.
        Accounts.Member other = Accounts.tenantWith(Role.ADMIN);
        Webhooks.post(Webhooks.tokenOf(other.tenantId()), Webhooks.deviceStatus(5003, 102004, "DOWN", at)).then().statusCode(201);
    }

    @Test
    void aTeamWhoseStoreIsFullIsAnswered429() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        String token = Webhooks.tokenOf(admin.tenantId());
        Instant at = Instant.now().minus(Duration.ofDays(2));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 300; i++) {
                StoredEvent.getEntityManager().createNativeQuery("INSERT INTO domotz_event (tenant_id, name, occurred_at, "
                        + "received_at, digest, body, summary) VALUES (?1, 'device_status', ?2, ?2, ?3, '{}', 'filler')")
                        .setParameter(1, admin.tenantId()).setParameter(2, at.plusSeconds(i))
                        .setParameter(3, "filler-" + admin.tenantId() + "-" + i).executeUpdate();
            }
        });
        Webhooks.post(token, Webhooks.deviceStatus(5003, 102004, "DOWN", Instant.now())).then().statusCode(429)
                .header("Retry-After", "3600").body(containsString("stored events"));
    }
}
