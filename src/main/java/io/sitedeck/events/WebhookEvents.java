package io.sitedeck.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitedeck.domotz.DomotzJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a webhook body against the reference's event schemas: {@code name} and
 * {@code timestamp} at the top level (as in the reference's examples), {@code data} an object,
 * ids integers, {@code device_id} present for device events, enumerated values among those
 * listed. Fields the reference does not list are allowed (Domotz adds fields over time).
 */
public final class WebhookEvents {

    /** Why a body is not an event; the message is safe to answer to the sender. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final Set<String> UP_DOWN = Set.of("UP", "DOWN");

    private WebhookEvents() {
    }

    public static WebhookEvent parse(String body) throws Invalid {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new Invalid("The body is not JSON: " + notJson.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("The body must be a JSON object with name, timestamp and data");
        }
        String name = text(root, "name", true);
        EventKind kind = EventKind.of(name).orElseThrow(() -> new Invalid("Unknown event name '" + name
                + "'; expected one of the ten Domotz webhook events"));
        Instant at = timestamp(text(root, "timestamp", true));
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new Invalid("'data' must be an object");
        }
        Integer agentId = integer(data, "agent_id", false);
        Integer deviceId = integer(data, "device_id", kind.deviceEvent());
        String state = null;
        List<String> addresses = List.of();
        String summary = switch (kind) {
            case DEVICE_STATUS -> {
                state = oneOf(data, "value", UP_DOWN);
                yield state == null ? "Status changed" : "Device " + state;
            }
            case AGENT_STATUS -> {
                state = oneOf(data, "value", UP_DOWN);
                yield state == null ? "Site status changed" : "Site " + state;
            }
            case DEVICE_HEARTBEAT_LOST -> "No answer to ping (heartbeat lost)";
            case DEVICE_IP_CHANGE -> {
                List<String> from = strings(data, "old_ip_addresses");
                List<String> to = strings(data, "value");
                addresses = to;
                yield "IP address " + (from.isEmpty() ? "" : String.join(", ", from) + " ") + "→ "
                        + (to.isEmpty() ? "(none)" : String.join(", ", to));
            }
            case DEVICE_RTD -> {
                String status = oneOf(data, "status", Set.of("RTD_ISSUE_DETECTED", "RTD_ISSUE_RESOLVED"));
                state = status;
                yield ("RTD_ISSUE_RESOLVED".equals(status) ? "Round-trip delay back to normal" : "Round-trip delay issue")
                        + measured(data, "latency", " ms latency") + measured(data, "packet_loss_percentage", " % loss");
            }
            case DEVICE_SNMP -> "SNMP " + orDash(text(data, "trigger_name", false)) + ": " + orDash(text(data, "value", false));
            case DEVICE_TCP -> {
                String ports = items(data, "value", item -> "port " + integer(item, "port", false) + " "
                        + oneOf(item, "status", UP_DOWN));
                state = ports.contains(" DOWN") ? "DOWN" : ports.contains(" UP") ? "UP" : null;
                yield "TCP " + ports;
            }
            case AGENT_DEVICE_DISCOVERY -> "New device discovered" + (deviceId == null ? "" : " (id " + deviceId + ")");
            case AGENT_SECURITY_ISSUE -> "Security: " + items(data, "value", item -> oneOf(item, "type",
                    Set.of("TCP_OPEN_PORT", "UPNP_IGD_FORWARD", "UPNP_IGD_SERVICE")) + " port " + integer(item, "port", false));
            case AGENT_SPEED_TEST -> {
                String status = oneOf(data, "status", Set.of("SPEED_TEST_ISSUE_DETECTED", "SPEED_TEST_ISSUE_RESOLVED"));
                state = status;
                yield ("SPEED_TEST_ISSUE_RESOLVED".equals(status) ? "Internet speed back above threshold" : "Internet speed below threshold")
                        + measured(data, "download", " down") + measured(data, "upload", " up");
            }
        };
        return new WebhookEvent(kind, at, agentId, deviceId, state, addresses, summary, canonical(root));
    }

    /** The body with keys in a fixed order, so a re-delivery of the same event has the same digest. */
    private static String canonical(JsonNode root) {
        try {
            return STRICT.writeValueAsString(STRICT.treeToValue(root, Object.class));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Instant timestamp(String text) throws Invalid {
        try {
            return DomotzJson.parseInstant(text);
        } catch (DateTimeParseException notADate) {
            throw new Invalid("'timestamp' must be an ISO 8601 date-time, got '" + text + "'");
        }
    }

    private static String text(JsonNode node, String field, boolean required) throws Invalid {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Invalid("'" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new Invalid("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String field, boolean required) throws Invalid {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Invalid("'data." + field + "' is required for this event");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new Invalid("'" + field + "' must be an integer");
        }
        return value.asInt();
    }

    private static String oneOf(JsonNode node, String field, Set<String> allowed) throws Invalid {
        String value = text(node, field, false);
        if (value != null && !allowed.contains(value)) {
            throw new Invalid("'" + field + "' must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", got '" + value + "'");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field) throws Invalid {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw new Invalid("'" + field + "' must be a list of strings");
                }
                out.add(item.asText());
            }
            return out;
        }
        throw new Invalid("'" + field + "' must be a list of strings");
    }

    private interface ItemReader {
        String read(JsonNode item) throws Invalid;
    }

    private static String items(JsonNode node, String field, ItemReader reader) throws Invalid {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "(no details)";
        }
        if (!value.isArray()) {
            throw new Invalid("'" + field + "' must be a list");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw new Invalid("'" + field + "' must be a list of objects");
            }
            parts.add(reader.read(item));
        }
        return parts.isEmpty() ? "(none)" : String.join(", ", parts);
    }

    /** " 250 ms latency (threshold 100)" from value/threshold objects, or "" when absent. */
    private static String measured(JsonNode data, String field, String unit) throws Invalid {
        Integer value = data.has("value") && data.get("value").isObject() ? integer(data.get("value"), field, false) : null;
        Integer threshold = data.has("threshold") && data.get("threshold").isObject()
                ? integer(data.get("threshold"), field, false) : null;
        if (value == null) {
            return "";
        }
        return ", " + value + unit + (threshold == null ? "" : " (threshold " + threshold + ")");
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }
}
