package io.sitedeck.domotz;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitedeck.shared.Secrets;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Answers, single-flight claims and call counts in Redis, shared by every instance that uses
 * the same Redis and prefix. Keys: {@code {prefix}:a:{cell}:{operation}:{agent}:{device}:{hash}}
 * (answers, JSON with the time Domotz sent them), {@code {prefix}:l:…} (claims, SET NX PX) and
 * {@code {prefix}:c:{key fingerprint}:{day number}} (calls of a key per budget day). If Redis does not
 * answer, the instance carries on alone — a miss, a granted claim, a local count — and logs it.
 */
final class RedisAnswers implements AnswerStore {

    private static final Logger LOG = Logger.getLogger(RedisAnswers.class);
    private static final long TIMEOUT_MS = 2_000;

    private final Redis redis;
    private final ObjectMapper json;
    private final String prefix;
    private final Duration keep;
    private final LocalAnswers fallback;

    private final long dayMillis;
    private final Clock clock;

    RedisAnswers(Redis redis, ObjectMapper json, String prefix, Duration keep, Duration budgetDay, Clock clock,
                 LocalAnswers fallback) {
        this.clock = clock;
        this.dayMillis = budgetDay.toMillis();
        this.redis = redis;
        this.json = json;
        this.prefix = prefix;
        this.keep = keep;
        this.fallback = fallback;
    }

    @Override
    public UpstreamCache.Stamped get(CallKey key) {
        JavaType type = Operation.named(key.operation()).map(Operation::answerType).orElse(null);
        Response stored = send(Request.cmd(Command.GET).arg(answerKey(key)));
        if (stored == null || type == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(stored.toString(StandardCharsets.UTF_8));
            Object value = json.readerFor(type).readValue(node.get("v"));
            return new UpstreamCache.Stamped(value, Instant.ofEpochMilli(node.get("t").asLong()));
        } catch (java.io.IOException | RuntimeException unreadable) {
            LOG.debugf("Unreadable shared answer for %s: %s", key.operation(), unreadable.getMessage());
            return null;
        }
    }

    @Override
    public void put(CallKey key, UpstreamCache.Stamped answer) {
        if (Operation.named(key.operation()).map(Operation::answerType).orElse(null) == null) {
            return;
        }
        try {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("t", answer.fetchedAt().toEpochMilli());
            wrapped.put("s", key.scope());
            wrapped.put("v", answer.value());
            send(Request.cmd(Command.SET).arg(answerKey(key)).arg(json.writeValueAsString(wrapped))
                    .arg("PX").arg(keep.toMillis()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            LOG.debugf("Could not share an answer of %s: %s", key.operation(), impossible.getMessage());
        }
    }

    @Override
    public void invalidate(String baseUrl, int agentId, Integer deviceId, Set<String> operations) {
        for (String operation : operations) {
            String base = prefix + ":a:" + hash(baseUrl) + ":" + operation + ":" + agentId + ":";
            List<String> patterns = deviceId == null ? List.of(base + "*") : List.of(base + deviceId + ":*", base + "-:*");
            for (String pattern : patterns) {
                List<String> doomed = scan(pattern);
                if (!doomed.isEmpty()) {
                    Request delete = Request.cmd(Command.DEL);
                    doomed.forEach(delete::arg);
                    send(delete);
                }
            }
        }
    }

    /**
     * Read, changed and written back with the key's remaining lifetime (SET … KEEPTTL). Two
     * patches racing on one answer both apply to what they read; the later write wins, which is
     * what the later webhook says anyway.
     */
    @Override
    public void patch(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId,
                      UnaryOperator<Object> change) {
        eachAnswer(baseUrl, scope, operation, agentId, deviceId, (key, node, value) -> {
            Object changed = change.apply(value);
            if (changed != value) {
                node.set("v", json.valueToTree(changed));
                send(Request.cmd(Command.SET).arg(key).arg(json.writeValueAsString(node)).arg("KEEPTTL").arg("XX"));
            }
        });
    }

    @Override
    public List<Object> values(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId) {
        List<Object> values = new ArrayList<>();
        eachAnswer(baseUrl, scope, operation, agentId, deviceId, (key, node, value) -> values.add(value));
        return values;
    }

    private interface AnswerVisitor {
        void visit(String key, ObjectNode stored, Object value) throws java.io.IOException;
    }

    /** Every stored answer of the operation about the agent (and device, when given) in the scope: found by SCAN, read by GET. */
    private void eachAnswer(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId,
                            AnswerVisitor visitor) {
        JavaType type = Operation.named(operation).map(Operation::answerType).orElse(null);
        if (type == null) {
            return;
        }
        String pattern = prefix + ":a:" + hash(baseUrl) + ":" + operation + ":" + (agentId == null ? "-" : agentId) + ":"
                + (deviceId == null ? "*" : deviceId) + ":*";
        for (String key : scan(pattern)) {
            Response stored = send(Request.cmd(Command.GET).arg(key));
            if (stored == null) {
                continue;
            }
            try {
                JsonNode node = json.readTree(stored.toString(StandardCharsets.UTF_8));
                if (scope.equals(node.path("s").asText())) {
                    visitor.visit(key, (ObjectNode) node, json.readerFor(type).readValue(node.get("v")));
                }
            } catch (java.io.IOException | RuntimeException unreadable) {
                LOG.debugf("Could not read a shared answer of %s: %s", operation, unreadable.getMessage());
            }
        }
    }

    @Override
    public boolean claim(CallKey key, Duration atMost) {
        Response granted = send(Request.cmd(Command.SET).arg(lockKey(key)).arg("1").arg("NX").arg("PX")
                .arg(Math.max(1, atMost.toMillis())));
        // Redis down: this instance calls on its own rather than waiting for nobody.
        return granted != null ? "OK".equals(granted.toString()) : !reachable;
    }

    @Override
    public void release(CallKey key) {
        send(Request.cmd(Command.DEL).arg(lockKey(key)));
    }

    @Override
    public int countCall(String fingerprint) {
        String key = countKey(fingerprint);
        Response count = send(Request.cmd(Command.INCR).arg(key));
        if (count == null) {
            return fallback.countCall(fingerprint);
        }
        send(Request.cmd(Command.EXPIRE).arg(key).arg(2 * 86_400));
        return count.toInteger();
    }

    @Override
    public int callsToday(String fingerprint) {
        Response count = send(Request.cmd(Command.GET).arg(countKey(fingerprint)));
        return count == null ? fallback.callsToday(fingerprint) : Integer.parseInt(count.toString());
    }

    private volatile boolean reachable = true;

    /** One command, waited for; null when the key is absent or Redis did not answer. */
    private Response send(Request request) {
        try {
            Future<Response> future = redis.send(request);
            Response response = future.toCompletionStage().toCompletableFuture().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (!reachable) {
                LOG.info("Redis answers again: Domotz answers are shared across instances again");
                reachable = true;
            }
            return response;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception failure) {
            if (reachable) {
                LOG.warnf("Redis did not answer (%s): this instance carries on with its own cache", failure.getMessage());
                reachable = false;
            }
            return null;
        }
    }

    private List<String> scan(String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            Response page = send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(1000));
            if (page == null) {
                return keys;
            }
            cursor = page.get(0).toString();
            page.get(1).forEach(k -> keys.add(k.toString()));
        } while (!"0".equals(cursor));
        return keys;
    }

    private String answerKey(CallKey key) {
        return prefix + ":a:" + suffix(key);
    }

    private String lockKey(CallKey key) {
        return prefix + ":l:" + suffix(key);
    }

    private String countKey(String fingerprint) {
        return prefix + ":c:" + fingerprint + ":" + clock.millis() / dayMillis;
    }

    /** Cell, operation, agent and device readable (invalidation matches on them); whose and which arguments hashed. */
    private static String suffix(CallKey key) {
        return hash(key.baseUrl()) + ":" + key.operation() + ":" + (key.agentId() == null ? "-" : key.agentId()) + ":"
                + (key.deviceId() == null ? "-" : key.deviceId()) + ":" + hash(key.scope() + "|" + key.args());
    }

    /** The first 8 bytes of the SHA-256: keys stay short, collisions stay out of reach. */
    private static String hash(String text) {
        return Secrets.sha256Hex(text).substring(0, 16);
    }
}
