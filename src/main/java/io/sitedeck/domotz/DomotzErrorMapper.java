package io.sitedeck.domotz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every non-2xx answer of Domotz into the matching {@link DomotzException}. */
class DomotzErrorMapper implements ResponseExceptionMapper<DomotzException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public DomotzException toThrowable(Response response) {
        int status = response.getStatus();
        String message = messageOf(response);
        return switch (status) {
            case 400 -> new DomotzException.BadRequest(message);
            case 401 -> new DomotzException.KeyRejected(message);
            case 403 -> new DomotzException.AccessDenied(message);
            case 404 -> new DomotzException.NotFound(message);
            case 405 -> new DomotzException.NotAllowed(message);
            case 429 -> new DomotzException.QuotaExceeded(message, retryAfter(response));
            default -> status >= 500
                    ? new DomotzException.Unavailable(status, "HTTP " + status + ": " + message, null)
                    : new DomotzException(status, "HTTP " + status + ": " + message);
        };
    }

    /** Domotz answers {"status":…,"message":"…"}; anything else is shown as its status line. */
    private static String messageOf(Response response) {
        String fallback = response.getStatusInfo().getReasonPhrase();
        if (!response.hasEntity()) {
            return fallback;
        }
        try {
            String body = response.readEntity(String.class);
            JsonNode node = JSON.readTree(body);
            JsonNode message = node == null ? null : node.get("message");
            return message != null && message.isTextual() ? message.asText() : fallback;
        } catch (Exception unreadable) {
            return fallback;
        }
    }

    private static Long retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
