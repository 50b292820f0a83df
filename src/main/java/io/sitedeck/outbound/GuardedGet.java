package io.sitedeck.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A GET to a URL someone configured, through the {@link OutboundGuard}: checked before connecting,
 * no redirects followed, the answer read up to a size limit. Failures say what kind, never what the
 * other end sent; the caller decides what of a 2xx body it believes.
 */
public final class GuardedGet {

    private final OutboundGuard guard;
    private final HttpClient client;
    private final Duration timeout;

    public GuardedGet(OutboundGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The body of a 2xx answer, at most {@code maxBytes}; {@link GuardedPost.Failed} otherwise. */
    public String text(URI url, int maxBytes) {
        guard.check(url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        try {
            HttpResponse<InputStream> answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() < 200 || answer.statusCode() > 299) {
                    throw new GuardedPost.Failed("It answered HTTP " + answer.statusCode() + ".");
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new GuardedPost.Failed("Its answer is larger than expected.");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException unreachable) {
            throw new GuardedPost.Failed("It could not be reached (" + unreachable.getClass().getSimpleName() + ").");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new GuardedPost.Failed("The request was interrupted.");
        }
    }
}
