package io.sitedeck.devices;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A device page shows what the API knows, by kind, with secrets masked. */
@QuarkusTest
class DevicePageTest {

    Session session;

    @BeforeEach
    void signIn() {
        session = Session.withSandbox(Role.VIEWER);
    }

    @Test
    void showsALanDeviceWithNamesMacAndLatency() {
        session.get("/agents/5000/devices/100000").then().statusCode(200)
                .body(containsString("<li><a href=\"/agents/5000\">Harbor Dental – HQ</a></li>"))
                .body(containsString("LOCAL")).body(containsString("<dt>MAC</dt>"))
                .body(containsString("DHCP: gateway-1")).body(containsString("detected as UniFi Security Gateway"))
                // Latency now against the usual, in the page's first lines (issue 17), not among the details.
                .body(matchesPattern("(?s).*<p class=\"latency[^\"]*\">Latency <strong>[0-9.]+ ms</strong> now,\\s+usually [0-9.]+ ms.*"));
    }

    @Test
    void showsADummyDeviceWithoutNetworkFields() {
        String dummy = session.get("/agents/5000").asString().replaceAll("(?s).*?/agents/5000/devices/(\\d+)\">Outlet.*", "$1");
        session.get("/agents/5000/devices/" + dummy).then().statusCode(200).body(containsString("DUMMY"))
                .body(not(containsString("<dt>IP addresses</dt>")));
    }

    @Test
    void unknownDeviceOrMalformedIdIsNotFound() {
        session.get("/agents/5000/devices/42").then().statusCode(404).body(containsString("Not found"));
        session.get("/agents/5000/devices/abc").then().statusCode(404);
    }
}
