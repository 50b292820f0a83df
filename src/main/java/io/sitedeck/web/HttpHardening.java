package io.sitedeck.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/**
 * Applied to every response, pages and static files alike: the security headers, {@code Secure}
 * on cookies when the request came over HTTPS (directly or through a proxy), and for htmx
 * requests whose session has expired a 401 with {@code HX-Location} instead of a redirect whose
 * login page would be swapped into a fragment.
 */
@ApplicationScoped
class HttpHardening {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        // A high priority runs this before the authentication handler, so its redirects get the treatment too.
        filters.register(this::harden, 10_000);
    }

    private void harden(RoutingContext context) {
        boolean htmx = context.request().getHeader(Htmx.REQUEST) != null;
        boolean boosted = context.request().getHeader(Htmx.BOOSTED) != null;
        // The scheme as Quarkus resolved it: X-Forwarded-Proto counts only from quarkus.http.proxy.trusted-proxies.
        boolean https = "https".equals(context.request().scheme());
        context.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = context.response();
            MultiMap headers = response.headers();
            headers.set("Content-Security-Policy", CSP);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("X-Frame-Options", "DENY");
            relativeLocation(headers, context.request().getHeader("Host"), https);
            if (htmx && response.getStatusCode() == 302 && isLoginRedirect(headers.get("Location"))) {
                response.setStatusCode(401);
                headers.remove("Location");
                // A boosted page load goes to the sign-in page with a full load (its body carries the live stream).
                headers.set(boosted ? Htmx.REDIRECT : Htmx.LOCATION, "/login");
            }
            if (https) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
                // Cookies added through Vert.x are encoded after this handler; those set as headers are here.
                context.request().cookies().forEach(cookie -> cookie.setSecure(true));
                List<String> cookies = headers.getAll("Set-Cookie").stream()
                        .map(c -> c.toLowerCase().contains("; secure") ? c : c + "; Secure").toList();
                headers.remove("Set-Cookie");
                cookies.forEach(c -> headers.add("Set-Cookie", c));
            }
        });
        context.next();
    }

    /**
     * Redirects to this console stay relative: Quarkus and JAX-RS make them absolute from the
     * request's Host, which the sender chooses ({@code Host: evil.example} would send the browser
     * there; the redirect after sign-in even remembers it in a cookie), so an absolute Location
     * naming the request's own Host becomes its path. The one redirect that leaves the console is
     * single sign-on's to the tenant's provider (an admin's setting, never the request's): it keeps
     * its address.
     */
    private static void relativeLocation(MultiMap headers, String requestHost, boolean https) {
        String location = headers.get("Location");
        if (location == null) {
            return;
        }
        try {
            URI uri = URI.create(location);
            boolean toThisHost = requestHost == null || uri.getHost() == null
                    || endpoint(uri).equals(endpoint(hostHeader(requestHost, https)));
            if (uri.isAbsolute() && toThisHost) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                headers.set("Location", path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
            }
        } catch (IllegalArgumentException notAUri) {
            headers.remove("Location");
        }
    }

    /** A Host header ({@code example.com:8080}, {@code [::1]:8080}) as a URL of the request's scheme. */
    private static URI hostHeader(String host, boolean https) {
        try {
            return URI.create((https ? "https://" : "http://") + host.trim());
        } catch (IllegalArgumentException notAHost) {
            return URI.create("http://unknown.invalid");
        }
    }

    /** Host and port, the default port spelled out: {@code http://a.example/} and {@code http://A.example:80} are one. */
    private static String endpoint(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return (uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT)) + ":" + port;
    }

    private static boolean isLoginRedirect(String location) {
        return location != null && (location.endsWith("/login") || location.contains("/login?"));
    }
}
