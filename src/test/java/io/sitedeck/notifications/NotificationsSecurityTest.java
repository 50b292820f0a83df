package io.sitedeck.notifications;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.KeyVault;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue #19: who may do what with notifications — roles on the server, CSRF, audit, another tenant's channels, rules and
 * log out of reach — channel targets encrypted at rest and never shown, and the outbound guard refusing an internal
 * target before any connection (counted on a loopback listener the allow-list does not name).
 */
@QuarkusTest
class NotificationsSecurityTest {

    @Inject
    KeyVault vault;

    @Test
    void adminsManageTechniciansReadViewersNeitherAndOtherTenantsNothing() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Session session = Session.signIn(admin);
        session.post("/notifications/channels", Map.of("name", "Acme night desk", "kind", "EMAIL", "target", "noc@msp.example"))
                .then().statusCode(303);
        long channel = QuarkusTransaction.requiringNew().call(() -> NotificationChannel.<NotificationChannel>find(
                "tenantId", admin.tenantId()).singleResult().id);
        session.post("/notifications/rules", Map.of("name", "All", "channels", List.of(channel), "delay", "0"))
                .then().statusCode(303);
        long rule = QuarkusTransaction.requiringNew().call(() -> NotificationRule.<NotificationRule>find(
                "tenantId", admin.tenantId()).singleResult().id);

        Session tech = Session.signIn(Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN));
        tech.get("/notifications").then().statusCode(200).body(containsString("Acme night desk")).body(not(containsString("Add a channel")));
        tech.get("/notifications/log").then().statusCode(200);
        tech.post("/notifications/channels", Map.of("name", "Mine", "kind", "EMAIL", "target", "me@x.example"))
                .then().statusCode(403);
        tech.post("/notifications/rules/" + rule + "/off", Map.of()).then().statusCode(403);
        Session viewer = Session.signIn(Accounts.memberOf(admin.tenantId(), Role.VIEWER));
        viewer.get("/notifications").then().statusCode(403);
        viewer.get("/notifications/log").then().statusCode(403);

        session.request().contentType("application/x-www-form-urlencoded").formParams(Map.of("name", "No token",
                "kind", "EMAIL", "target", "x@msp.example")).post("/notifications/channels").then().statusCode(403);
        session.post("/notifications/channels", Map.of("name", "Bad", "kind", "FAX", "target", "x")).then().statusCode(400);
        session.post("/notifications/rules", Map.of("name", "No channel", "delay", "0")).then().statusCode(400)
                .body(containsString("at least one channel"));

        Session stranger = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        stranger.get("/notifications").then().statusCode(200).body(not(containsString("Acme night desk")));
        // A link cannot make the page say anything: only fixed notices, chosen by a code.
        session.get("/notifications?done=CHANNEL&notice=Call+this+number").then().body(containsString("Channel added."))
                .body(not(containsString("Call this number")));
        session.get("/notifications?done=%3Cscript%3E").then().statusCode(200).body(not(containsString("<script>")));
        stranger.post("/notifications/channels/" + channel + "/off", Map.of()).then().statusCode(404);
        stranger.post("/notifications/channels/" + channel + "/test", Map.of()).then().statusCode(404);
        stranger.post("/notifications/rules/" + rule + "/off", Map.of()).then().statusCode(404);
        stranger.post("/notifications/rules", Map.of("name", "Theirs", "channels", List.of(channel), "delay", "0"))
                .then().statusCode(400).body(containsString("Choose channels from the form"));

        session.post("/notifications/rules/" + rule + "/off", Map.of()).then().statusCode(303);
        session.post("/notifications/channels/" + channel + "/off", Map.of()).then().statusCode(303);
        assertEquals(List.of("notification.channel", "notification.channel-off", "notification.rule", "notification.rule-off"),
                QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("tenantId = ?1 and action like"
                        + " 'notification.%' and outcome like 'ok%' order by action", admin.tenantId()).stream()
                        .map(e -> e.action).distinct().toList()));
    }

    @Test
    void targetsAreEncryptedAndAnInternalTargetIsRefusedWithoutAConnection() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        listener.createContext("/", exchange -> {
            connections.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        try {
            Session session = Session.signIn(Accounts.tenantWith(Role.ADMIN));
            String internal = "http://127.0.0.2:" + listener.getAddress().getPort() + "/hook";
            session.post("/notifications/channels", Map.of("name", "Inward", "kind", "SLACK", "target", internal))
                    .then().statusCode(400).body(containsString("internal address"));
            session.post("/notifications/channels", Map.of("name", "Secretless", "kind", "WEBHOOK",
                    "target", "http://127.0.0.1:9/hook", "secret", "short")).then().statusCode(400)
                    .body(containsString("16 to 200"));
            assertEquals(0, connections.get(), "refused before connecting");
        } finally {
            listener.stop(0);
        }
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        String url = "http://127.0.0.1:9/services/T000/B000/XXXXSECRETPATH";
        Session.signIn(admin).post("/notifications/channels", Map.of("name", "Slack", "kind", "SLACK", "target", url))
                .then().statusCode(303);
        NotificationChannel stored = QuarkusTransaction.requiringNew().call(() -> NotificationChannel.<NotificationChannel>find(
                "tenantId", admin.tenantId()).singleResult());
        assertEquals(false, stored.targetCiphertext.contains("XXXXSECRETPATH"), "encrypted at rest");
        assertEquals(url, vault.decrypt(stored.targetCiphertext));
        Session.signIn(admin).get("/notifications").then().body(not(containsString("XXXXSECRETPATH")))
                .body(containsString("http://127.0.0.1:9/…"));
    }
}
