package io.sitedeck.annotations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Annotation text stays in Sitedeck: the console's Domotz traffic goes through a recording proxy
 * (WireMock in front of the sandbox) and every log record is captured while notes are saved,
 * shown, searched and exported; the text appears in none of it, nor in the audit log.
 */
@QuarkusTest
class NotesNeverLeaveTest {

    @TestHTTPResource("/")
    URL root;

    WireMockServer proxy;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String source = record.getLoggerName() == null ? "" : record.getLoggerName();
            // The test's own HTTP client and the recording proxy log what the test sends; Sitedeck is what is checked.
            if (source.startsWith("org.apache.http") || source.contains("wiremock") || source.startsWith("org.eclipse.jetty")) {
                return;
            }
            logged.add(source + ": " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(root.toString().replaceAll("/$", ""))));
        // Everything logged at the configured levels, and Sitedeck's own code at every level.
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("io.sitedeck").setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("io.sitedeck").setLevel(null);
        proxy.stop();
    }

    @Test
    void annotationTextNeverReachesDomotzNorTheLogs() {
        String secret = "gate-code-" + UUID.randomUUID();
        Accounts.Member member = Accounts.tenantWith(Role.TECHNICIAN);
        long connection = Accounts.sandboxConnection(member, "Through the proxy");
        Accounts.pointAt(connection, "http://127.0.0.1:" + proxy.port() + "/public-api/v1");
        Session session = Session.signIn(member);

        session.post("/agents/5012/notes", AnnotationsTest.form("-1", "Site: " + secret, secret, secret, secret, secret));
        session.post("/agents/5003/devices/101003/notes",
                AnnotationsTest.form("-1", "Device: " + secret, "leak-check", "Owner " + secret, "Code", secret))
                .then().statusCode(303);
        session.get("/agents/5003/devices/101003").then().statusCode(200);
        session.get("/agents/5003?q=" + secret).then().statusCode(200);
        session.get("/agents/5003?q=tag:leak-check").then().statusCode(200);
        session.get("/agents/5003/devices.csv?q=tag:leak-check").then().statusCode(200);
        session.get("/annotations/orphans").then().statusCode(200);

        List<LoggedRequest> upstream = proxy.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertTrue(upstream.size() > 3, "the pages did call Domotz through the proxy: " + upstream.size());
        for (LoggedRequest request : upstream) {
            assertFalse(request.getUrl().contains(secret), request.getUrl());
            assertFalse(request.getBodyAsString().contains(secret), request.getUrl());
            assertFalse(request.getHeaders().all().toString().contains(secret), request.getUrl());
        }
        Logger.getLogger("io.sitedeck.probe").fine("capture-probe");
        assertTrue(logged.stream().anyMatch(line -> line.contains("capture-probe")), "the capture sees Sitedeck's debug records");
        logged.forEach(line -> assertFalse(line.contains(secret), line));
        List<AuditEvent> audit = QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>list("tenantId", member.tenantId()));
        audit.forEach(e -> assertFalse((e.target + e.outcome).contains(secret), e.outcome));
    }
}
