package io.sitedeck.sandbox;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** An error the sandbox answers as Domotz does: {@code {"status":…,"message":"…"}}. */
class SandboxError extends RuntimeException {

    private final int status;

    SandboxError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(400, message);
    }

    static SandboxError notFound(String message) {
        return new SandboxError(404, message);
    }

    int status() {
        return status;
    }

    Response toResponse() {
        return body(status, getMessage());
    }

    static Response body(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status, "message", message)).build();
    }
}
