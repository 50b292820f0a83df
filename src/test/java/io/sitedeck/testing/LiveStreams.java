package io.sitedeck.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitedeck.events.LiveEvents;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** A browser tab's live stream, as far as HTTP goes: opened with a session, read until the server closes it. */
public final class LiveStreams {

    private LiveStreams() {
    }

    /** Opens {@code /events/stream} as the session and waits until the server holds it; completes when it ends. */
    public static CompletableFuture<Boolean> open(URI root, Session session, LiveEvents live) throws Exception {
        int before = live.openStreams();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        root.resolve("/events/stream")).header("Accept", "text/event-stream")
                .header("Cookie", "sitedeck-session=" + session.sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        Waits.until("the stream to be open", () -> live.openStreams() > before);
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream body = stream.body()) {
                while (body.read() >= 0) {
                    // keep-alives until the server closes it
                }
                return true;
            } catch (IOException closed) {
                return true;
            }
        });
    }
}
