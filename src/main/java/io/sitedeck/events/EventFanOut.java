package io.sitedeck.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sitedeck.redis.SharedRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Several instances: an event received by one reaches the browsers on all. Each instance
 * publishes what it received on the Redis channel {@code {prefix}:events} (the Redis the answers
 * already share) and delivers what the others publish to its own open streams. The message
 * carries the whole event, so the receiving side needs no database read. Redis pub/sub was chosen
 * over PostgreSQL LISTEN/NOTIFY because Redis is what several instances already need for the
 * cache, and the H2 build has no NOTIFY. Without {@code sitedeck.redis.url} nothing is published.
 * A lost Redis connection is retried every few seconds; events received meanwhile reach the
 * other instances' browsers when they reconnect (Last-Event-ID replay from the shared database).
 */
@ApplicationScoped
class EventFanOut {

    private static final Logger LOG = Logger.getLogger(EventFanOut.class);
    private static final long RETRY_MS = 3_000;

    /** What travels between instances. */
    record Envelope(String origin, EventView event) {}

    private final String origin = UUID.randomUUID().toString();
    private final SharedRedis redis;
    private final LiveEvents live;
    private final ObjectMapper json;
    private final Vertx vertx;
    private volatile RedisConnection subscription;
    private volatile boolean stopped;
    private final AtomicBoolean retrying = new AtomicBoolean();

    EventFanOut(SharedRedis redis, LiveEvents live, ObjectMapper json, Vertx vertx) {
        this.redis = redis;
        this.live = live;
        this.json = json;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        if (redis.client().isPresent()) {
            subscribe();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        RedisConnection connection = subscription;
        if (connection != null) {
            connection.close();
        }
    }

    /** Tells the other instances (no-op with one instance). Never blocks the webhook's answer. */
    void publish(EventView event) {
        if (redis.client().isEmpty()) {
            return;
        }
        try {
            redis.client().get().send(Request.cmd(Command.PUBLISH).arg(channel()).arg(json.writeValueAsString(new Envelope(origin, event))))
                    .onFailure(failure -> LOG.warnf("Could not share event %d with other instances: %s", event.id(),
                            failure.getMessage()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void subscribe() {
        retrying.set(false);
        if (stopped) {
            return;
        }
        redis.client().orElseThrow().connect()
                .onSuccess(connection -> {
                    connection.handler(this::received);
                    connection.exceptionHandler(failure -> lost(connection, failure.getMessage()));
                    connection.endHandler(nothing -> lost(connection, "connection closed"));
                    connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel()))
                            .onSuccess(ok -> {
                                subscription = connection;
                                LOG.infof("Events received by other instances arrive through Redis (channel %s)", channel());
                            })
                            .onFailure(failure -> {
                                connection.close();
                                lost(null, failure.getMessage());
                            });
                })
                .onFailure(failure -> lost(null, failure.getMessage()));
    }

    /**
     * The subscription's connection (or, with null, an attempt to make one) failed: one retry at a
     * time, however many handlers report it; a connection that is not the subscription (an old
     * one closing late) changes nothing.
     */
    private void lost(RedisConnection connection, String why) {
        if (stopped || connection != null && connection != subscription || !retrying.compareAndSet(false, true)) {
            return;
        }
        if (connection != null) {
            connection.close();
        }
        if (subscription != null) {
            LOG.warnf("Lost the Redis subscription for events of other instances (%s); retrying", why);
        }
        subscription = null;
        vertx.setTimer(RETRY_MS, timer -> subscribe());
    }

    private void received(Response message) {
        // Pub/sub pushes arrive as ["message", channel, payload].
        if (message.type() != ResponseType.PUSH && message.type() != ResponseType.MULTI || message.size() < 3
                || !"message".equals(message.get(0).toString())) {
            return;
        }
        try {
            Envelope envelope = json.readValue(message.get(2).toString(), Envelope.class);
            if (!origin.equals(envelope.origin())) {
                live.deliver(envelope.event());
            }
        } catch (JsonProcessingException | RuntimeException unreadable) {
            LOG.warnf("Ignored an unreadable event from another instance: %s", unreadable.getMessage());
        }
    }

    private String channel() {
        return redis.prefix() + ":events";
    }
}
