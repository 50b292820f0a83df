package io.sitedeck.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 1: a custom cell URL cannot make Sitedeck read other services. Two services on
 * the loopback hold secrets — a plain-TCP banner and an HTTP server whose answers carry one —
 * and no answer of the console repeats them; only admins may type a URL; a host outside the
 * allow-list is refused before any connection is opened (the listener counts them).
 */
@QuarkusTest
class CustomCellSsrfTest {

    private static final String BANNER_SECRET = "BANNER-SECRET-7Hq2";
    private static final String HTTP_SECRET = "HTTP-SECRET-9Kd4";

    private ServerSocket banner;
    private final AtomicInteger bannerConnections = new AtomicInteger();
    private HttpServer http;
    private ServerSocket outsideAllowList;
    private final AtomicInteger outsideConnections = new AtomicInteger();

    @BeforeEach
    void startServices() throws IOException {
        banner = listen(InetAddress.getLoopbackAddress(), bannerConnections,
                ("SSH-2.0-" + BANNER_SECRET + " " + "x".repeat(3000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        // 127.0.0.2 is loopback too, but not on the test profile's allow-list (127.0.0.1, localhost, *.domotz.com).
        outsideAllowList = listen(InetAddress.getByName("127.0.0.2"), outsideConnections, new byte[0]);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            boolean user = exchange.getRequestURI().getPath().endsWith("/user");
            byte[] body = (user ? "{\"id\": 1, \"name\": \"" + HTTP_SECRET + "\"}"
                    : "{\"status\": 500, \"message\": \"" + HTTP_SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(user ? 200 : 500, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    @AfterEach
    void stopServices() throws IOException {
        banner.close();
        outsideAllowList.close();
        http.stop(0);
    }

    @Test
    void aBannerServiceIsNeitherReadNorDescribedBeyondItsKindOfFailure() {
        Session admin = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        for (String scheme : new String[] {"https", "http"}) {
            Response answer = admin.post("/connections", Map.of("name", "Probe", "cell", "CUSTOM",
                    "customUrl", scheme + "://127.0.0.1:" + banner.getLocalPort() + "/public-api/v1", "apiKey", "k"));
            assertEquals(400, answer.statusCode());
            assertFalse(answer.asString().contains(BANNER_SECRET), answer.asString());
            assertFalse(answer.asString().contains("SSH-2.0"), answer.asString());
            answer.then().body(containsString("Could not use this cell"));
        }
        assertTrue(bannerConnections.get() > 0, "the admin's URL was tried (it is allowed): the point is what came back");
    }

    @Test
    void anHttpServiceWithASecretInItsAnswersIsNotEchoed() {
        Session admin = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        Response answer = admin.post("/connections", Map.of("name", "Probe", "cell", "CUSTOM",
                "customUrl", "http://127.0.0.1:" + http.getAddress().getPort() + "/public-api/v1", "apiKey", "k"));
        assertEquals(400, answer.statusCode());
        assertFalse(answer.asString().contains(HTTP_SECRET), answer.asString());
        answer.then().body(containsString("Not a Domotz API (HTTP 500)"));
        assertEquals(0L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                DomotzConnection.count("name", "Probe")), "nothing saved");
    }

    @Test
    void techniciansAndViewersCannotTypeAUrlEvenByCraftingThePost() {
        for (Role role : new Role[] {Role.VIEWER, Role.TECHNICIAN}) {
            Accounts.Member someone = Accounts.tenantWith(role);
            Session member = Session.signIn(someone);
            // A custom connection they own (say, from when they were admin) cannot be re-keyed at another URL's expense.
            Accounts.sandboxConnection(someone, "Sandbox"); // the default, which pages use
            long owned = Accounts.sandboxConnection(someone, "Old custom");
            Accounts.pointAt(owned, "http://127.0.0.1:" + banner.getLocalPort() + "/public-api/v1");
            member.post("/connections/" + owned + "/key", Map.of("apiKey", "another-key")).then().statusCode(400)
                    .body(containsString("Only an admin may change a connection to a custom URL"));
            member.get("/connections").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("name=\"customUrl\"")))
                    .body(org.hamcrest.Matchers.not(containsString("value=\"CUSTOM\"")));
            member.post("/connections", Map.of("name", "Probe", "cell", "CUSTOM",
                            "customUrl", "http://127.0.0.1:" + banner.getLocalPort() + "/public-api/v1", "apiKey", "k"))
                    .then().statusCode(400).body(containsString("Only an admin may add a connection to a custom URL"));
        }
        assertEquals(0, bannerConnections.get(), "no connection was opened for them");
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedBeforeAnyConnection() {
        Session admin = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        String url = "http://127.0.0.2:" + outsideAllowList.getLocalPort() + "/public-api/v1";
        admin.post("/connections", Map.of("name", "Probe", "cell", "CUSTOM", "customUrl", url, "apiKey", "k"))
                .then().statusCode(400).body(containsString("allow-list (sitedeck.domotz.allowed-hosts)"));

        // A saved connection whose URL is moved there is refused at the call, on every connection.
        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        long id = Accounts.sandboxConnection(member, "Moved");
        Accounts.pointAt(id, url);
        Session.signIn(member).get("/agents").then().body(containsString("allow-list (sitedeck.domotz.allowed-hosts)"));
        assertEquals(0, outsideConnections.get(), "no connection reached the listener");
    }

    private static ServerSocket listen(InetAddress address, AtomicInteger accepted, byte[] greeting) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, address);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    accepted.incrementAndGet();
                    socket.getOutputStream().write(greeting);
                    socket.getOutputStream().flush();
                    socket.getInputStream().read(new byte[4096]);
                } catch (IOException closed) {
                    // the test is over, or the client hung up
                }
            }
        }, "listener-" + address.getHostAddress());
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }
}
