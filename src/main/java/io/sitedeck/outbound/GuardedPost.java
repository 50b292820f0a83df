package io.sitedeck.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a body to a URL a person chose (a notification channel's webhook), after the guard has checked it, and
 * answers only the status code: nothing the other end sent is kept, logged or shown. No redirects are followed
 * (a redirect could lead past the guard).
 */
public final class GuardedPost {

    /** The POST did not reach a 2xx answer; the message says what kind of failure, in Sitedeck's words. */
    public static final class Failed extends RuntimeException {
        public Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final OutboundGuard guard;
    private final HttpClient client;
    private final Duration timeout;

    public GuardedPost(OutboundGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends {@code body} as {@code contentType} with these headers; returns the 2xx status, else {@link Failed}. */
    public int post(URI url, String contentType, String body, Map<String, String> headers) {
        guard.check(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                throw new Failed("The receiver answered HTTP " + status + ".");
            }
            return status;
        } catch (IOException unreachable) {
            throw new Failed("The receiver could not be reached (" + unreachable.getClass().getSimpleName() + ").");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Failed("Sending was interrupted.");
        }
    }
}
