package io.sitedeck.outbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, item 1: what the outbound guard lets through. Names resolve through a map: no lookup, no traffic. */
class OutboundGuardTest {

    private static OutboundGuard guard(Map<String, String> dns, String... allowList) {
        return new OutboundGuard(List.of(allowList), host -> {
            String address = dns.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
    }

    @Test
    void allowsADomotzCellOnAPublicAddress() {
        OutboundGuard guard = guard(Map.of("api-eu-west-1-cell-1.domotz.com", "203.0.113.10"), "*.domotz.com");
        assertDoesNotThrow(() -> guard.check(URI.create("https://api-eu-west-1-cell-1.domotz.com/public-api/v1")));
    }

    @Test
    void refusesHostsOutsideTheAllowList() {
        OutboundGuard guard = guard(Map.of("evil.example", "203.0.113.11"), "*.domotz.com");
        OutboundGuard.Refused refused = assertThrows(OutboundGuard.Refused.class,
                () -> guard.check(URI.create("https://evil.example/public-api/v1")));
        assertTrue(refused.getMessage().contains("allow-list"), refused.getMessage());
        assertThrows(OutboundGuard.Refused.class, () -> guard.check(URI.create("https://domotz.com.evil.example/")));
        assertThrows(OutboundGuard.Refused.class, () -> guard.check(URI.create("https://notdomotz.com/")));
    }

    @Test
    void refusesAnAllowedNameThatResolvesInward() {
        for (String inward : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1")) {
            OutboundGuard guard = guard(Map.of("rebound.domotz.com", inward), "*.domotz.com");
            OutboundGuard.Refused refused = assertThrows(OutboundGuard.Refused.class,
                    () -> guard.check(URI.create("https://rebound.domotz.com/public-api/v1")), inward);
            assertTrue(refused.getMessage().contains("internal address"), refused.getMessage());
        }
    }

    @Test
    void internalAddressesPassOnlyWhenListedAsAddresses() {
        OutboundGuard byName = guard(Map.of("localhost", "127.0.0.1"), "localhost");
        assertThrows(OutboundGuard.Refused.class, () -> byName.check(URI.create("http://localhost:8080/public-api/v1")));
        OutboundGuard byAddress = guard(Map.of("localhost", "127.0.0.1", "127.0.0.1", "127.0.0.1"), "localhost", "127.0.0.1");
        assertDoesNotThrow(() -> byAddress.check(URI.create("http://localhost:8080/public-api/v1")));
        assertDoesNotThrow(() -> byAddress.check(URI.create("http://127.0.0.1:8080/public-api/v1")));
        OutboundGuard byCidr = guard(Map.of("cell.lab.example", "10.20.3.4"), "cell.lab.example", "10.20.0.0/16");
        assertDoesNotThrow(() -> byCidr.check(URI.create("https://cell.lab.example/public-api/v1")));
        OutboundGuard otherBlock = guard(Map.of("cell.lab.example", "10.21.3.4"), "cell.lab.example", "10.20.0.0/16");
        assertThrows(OutboundGuard.Refused.class, () -> otherBlock.check(URI.create("https://cell.lab.example/")));
    }

    @Test
    void plainHttpOnlyToThisMachine() {
        OutboundGuard guard = guard(Map.of("cell.lab.example", "10.20.3.4"), "cell.lab.example", "10.20.0.0/16");
        assertThrows(OutboundGuard.Refused.class, () -> guard.check(URI.create("http://cell.lab.example/public-api/v1")));
        assertThrows(OutboundGuard.Refused.class, () -> guard.check(URI.create("ftp://cell.lab.example/")));
        assertThrows(OutboundGuard.Refused.class, () -> guard.check(URI.create("https://user:pw@cell.lab.example/")));
    }
}
