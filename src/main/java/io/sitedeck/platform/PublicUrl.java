package io.sitedeck.platform;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where people and Domotz reach this console: {@code sitedeck.public-url} when the operator set
 * it, otherwise {@code http://localhost:<port>} (the embedded default on one machine). Absolute
 * links (webhook URLs, the set-up link) are built from it, never from the request's
 * {@code Host} or {@code X-Forwarded-Host}, which whoever sends the request chooses.
 */
@Singleton
public class PublicUrl {

    private final URI origin;
    private final boolean configured;

    PublicUrl(@ConfigProperty(name = "sitedeck.public-url") Optional<URI> publicUrl,
              @ConfigProperty(name = "quarkus.http.port") int port) {
        this.configured = publicUrl.isPresent();
        String text = publicUrl.map(URI::toString).orElse("http://localhost:" + port).replaceAll("/+$", "");
        URI uri = URI.create(text);
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
            throw new IllegalStateException("sitedeck.public-url must be an absolute http(s) URL, e.g. https://sitedeck.example.com");
        }
        this.origin = uri;
    }

    /** The absolute URL of a path on this console, e.g. {@code of("/hooks/domotz/…")}. */
    public String of(String path) {
        return origin + path;
    }

    /** True when the operator configured it (pages may remind admins otherwise). */
    public boolean configured() {
        return configured;
    }
}
