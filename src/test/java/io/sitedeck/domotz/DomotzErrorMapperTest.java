package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * Answers the sandbox never gives (5xx, 405, Retry-After, non-JSON bodies) still become the right
 * typed exception with a readable message.
 */
@QuarkusTest
class DomotzErrorMapperTest {

    private final DomotzErrorMapper mapper = new DomotzErrorMapper();

    @Test
    void mapsEveryDocumentedStatusToItsType() {
        assertInstanceOf(DomotzException.BadRequest.class, map(400, "bad date"));
        assertInstanceOf(DomotzException.KeyRejected.class, map(401, "Invalid API key"));
        assertInstanceOf(DomotzException.AccessDenied.class, map(403, "no access"));
        assertInstanceOf(DomotzException.NotFound.class, map(404, "gone"));
        assertInstanceOf(DomotzException.NotAllowed.class, map(405, "nope"));
        assertInstanceOf(DomotzException.QuotaExceeded.class, map(429, "slow down"));
        DomotzException unavailable = map(503, "maintenance");
        assertInstanceOf(DomotzException.Unavailable.class, unavailable);
        assertEquals(503, unavailable.status());
        assertEquals("HTTP 503: maintenance", unavailable.getMessage());
    }

    @Test
    void keepsDomotzsMessageOrFallsBackToTheReason() {
        assertEquals("Agent 7 not found", map(404, "Agent 7 not found").getMessage());
        assertEquals("Bad Gateway", map(502, Response.status(502).entity("<html>proxy error</html>")
                .type(MediaType.TEXT_HTML).build()).getMessage().replace("HTTP 502: ", ""));
        assertEquals("Unauthorized", map(401, Response.status(401).build()).getMessage());
    }

    @Test
    void readsRetryAfterSeconds() {
        var quota = (DomotzException.QuotaExceeded) mapper.toThrowable(Response.status(429)
                .header("Retry-After", "120").entity("{\"status\":429,\"message\":\"quota\"}").build());
        assertEquals(120L, quota.retryAfterSeconds());
        var dated = (DomotzException.QuotaExceeded) mapper.toThrowable(Response.status(429)
                .header("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT").build());
        assertNull(dated.retryAfterSeconds());
    }

    /** An answer in Domotz's error shape. */
    private DomotzException map(int status, String message) {
        return mapper.toThrowable(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"status\":" + status + ",\"message\":\"" + message + "\"}").build());
    }

    private DomotzException map(int status, Response response) {
        assertEquals(status, response.getStatus());
        return mapper.toThrowable(response);
    }
}
