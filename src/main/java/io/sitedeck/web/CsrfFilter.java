package io.sitedeck.web;

import io.sitedeck.sandbox.EmbeddedSandbox;
import io.sitedeck.shared.Secrets;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Double-submit CSRF protection for the console: a random token in an HttpOnly, SameSite=Strict
 * cookie, repeated by every state-changing request as the {@code _csrf} form field or the
 * {@code X-CSRF-Token} header (htmx). The sandbox API is exempt: its clients authenticate with an
 * API key, not a cookie; so are Domotz's webhooks ({@code /hooks/}): the secret token in their
 * URL is their credential, and they carry no session. (quarkus-rest-csrf cannot be limited to some paths, hence this filter.)
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfToken token;

    CsrfFilter(CsrfToken token) {
        this.token = token;
    }

    /**
     * Paths whose callers prove themselves without cookies (the sandbox's API key, a webhook's
     * secret URL), so a cross-site request cannot ride on a session there: no CSRF token, no origin check.
     */
    static boolean withoutCookies(String path) {
        return EmbeddedSandbox.owns(path) || path.startsWith("/hooks/");
    }

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> verify(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (withoutCookies(path)) {
            return Optional.empty();
        }
        boolean https = "https".equals(http.scheme());
        var cookie = request.getCookies().get(CsrfToken.cookieName(https));
        // A value we could not have issued counts as none: a fresh token replaces it. Tokens go into pages
        // unescaped where a kept part's forms are filled in (DrawnParts), so only the token alphabet may pass.
        String expected = cookie == null || !CsrfToken.wellFormed(cookie.getValue()) ? null : cookie.getValue();
        token.use(expected != null ? expected : Secrets.newToken(), expected == null, https);
        if (SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        String sent = request.getHeaderString(CsrfToken.HEADER);
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfToken.FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Response.status(403).type(MediaType.TEXT_PLAIN)
                    .entity("This form has expired or did not come from Sitedeck (missing or invalid CSRF token). "
                            + "Reload the page and try again.").build());
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void issue(ContainerResponseContext response) {
        if (token.token() != null && token.fresh()) {
            response.getHeaders().add("Set-Cookie", token.cookieHeader());
        }
    }

}
