package io.sitedeck.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Paths on this console, as taken from a form's {@code back} or a saved view: only a relative
 * path with its query, never a scheme, another host ({@code //evil}, {@code /\evil}), a control
 * character or anything {@link URI} cannot parse. Redirects built from them stay on this site.
 */
public final class LocalPaths {

    private static final int MAX_LENGTH = 2000;

    private LocalPaths() {
    }

    /** The path as a relative URI, or empty when it is not a path on this console. */
    public static Optional<URI> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String clean = path.strip();
        boolean local = clean.startsWith("/") && !clean.startsWith("//") && clean.indexOf('\\') < 0;
        if (!local || clean.length() > MAX_LENGTH || clean.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(clean);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Where to go back to: the given path, the fallback when none was given, and a 400 with a
     * message when one was given that is not a path on this console.
     */
    public static URI backOr(String back, String fallback) {
        if (back == null || back.isBlank()) {
            return URI.create(fallback);
        }
        return parse(back).orElseThrow(() -> new BadInput("“back” must be a path on this console, such as /agents."));
    }
}
