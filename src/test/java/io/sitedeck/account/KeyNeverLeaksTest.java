package io.sitedeck.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API key goes in once and never comes out: not in any page or header, not in any log line
 * (Sitedeck's own at DEBUG included), not in the audit log, not in clear in the database.
 */
@QuarkusTest
class KeyNeverLeaksTest {

    /** A key the test sandbox accepts (%test.sitedeck.sandbox.keys.secret), and a typo of it. */
    private static final String KEY = "sandbox-Zq8Xv3Lm9Pw2Kt7R";
    private static final String TYPO = "sandbox-Zq8Xv3Lm9Pw2Kt7X";

    private final StringBuilder logs = new StringBuilder();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logs) {
                logs.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage())
                        .append('\n');
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    logs.append(trace).append('\n');
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level sitedeckLevel;

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        sitedeckLevel = Logger.getLogger("io.sitedeck").getLevel();
        Logger.getLogger("io.sitedeck").setLevel(Level.ALL);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("io.sitedeck").setLevel(sitedeckLevel);
    }

    @Test
    void theKeyAppearsNowhere() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Session session = Session.signIn(admin);
        StringBuilder seen = new StringBuilder();

        seen.append(all(session.post("/connections", Map.of("name", "Leak check", "cell", "SANDBOX", "apiKey", KEY))));
        long id = QuarkusTransaction.requiringNew().call(() ->
                DomotzConnection.<DomotzConnection>find("userId", admin.userId()).firstResult().id);
        seen.append(all(session.post("/connections", Map.of("name", "Typo", "cell", "SANDBOX", "apiKey", TYPO))));
        seen.append(all(session.post("/connections/" + id + "/key", Map.of("apiKey", TYPO))));
        seen.append(all(session.post("/connections/" + id + "/test")));
        for (String page : List.of("/", "/connections", "/audit", "/members")) {
            seen.append(all(session.get(page)));
        }
        assertTrue(seen.toString().contains("••••Kt7R"), "the pages did show the masked key");

        String audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("tenantId", admin.tenantId())
                .stream().map(e -> e.actor + e.action + e.target + e.outcome + e.clientIp).reduce("", String::concat));
        String stored = QuarkusTransaction.requiringNew().call(() -> DomotzConnection.<DomotzConnection>findById(id)
                .keyCiphertext);
        assertTrue(audit.contains("connection.add"), "the audit log did record the change");

        for (String secret : List.of(KEY, TYPO)) {
            assertFalse(seen.toString().contains(secret), "a page or header shows " + secret);
            assertFalse(logs.toString().contains(secret), "a log line contains " + secret);
            assertFalse(audit.contains(secret), "the audit log contains " + secret);
            assertFalse(stored.contains(secret), "the database holds " + secret + " in clear");
        }
    }

    private static String all(Response response) {
        return response.getHeaders().toString() + "\n" + response.asString();
    }
}
