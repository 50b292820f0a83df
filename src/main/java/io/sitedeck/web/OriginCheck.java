package io.sitedeck.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.sitedeck.platform.PublicUrl;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests a browser says come from another site ({@code Sec-Fetch-Site:
 * cross-site}, or an {@code Origin} that is neither this request's host nor the public URL). It
 * runs before authentication, so it guards the sign-in form ({@code /j_security_check}) too, which
 * has no CSRF token: without it, a page elsewhere could sign a visitor into the attacker's account.
 * Requests without these headers (non-browser clients) pass here; the CSRF token still guards them.
 * The sandbox API and Domotz's webhooks are exempt (API key or secret URL, no cookies).
 */
@ApplicationScoped
class OriginCheck {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    static final String REFUSAL = "Refused: this request came from another site (cross-site request). "
            + "Open Sitedeck itself and try again.";

    private final PublicUrl publicUrl;

    OriginCheck(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    void register(@Observes Filters filters) {
        // Above the authentication handler (and below HttpHardening, so the refusal gets its headers).
        filters.register(this::check, 9_000);
    }

    private void check(RoutingContext context) {
        var request = context.request();
        String host = request.authority() == null ? null : request.authority().toString();
        if (CsrfFilter.withoutCookies(request.path()) || SAFE.contains(request.method())
                || sameSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), host)) {
            context.next();
            return;
        }
        context.response().setStatusCode(403).putHeader("Content-Type", "text/plain;charset=UTF-8").end(REFUSAL);
    }

    boolean sameSite(String fetchSite, String origin, String host) {
        if (fetchSite != null && "cross-site".equals(fetchSite.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (origin == null) {
            return true;
        }
        if ("null".equals(origin)) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            String authority = uri.getRawAuthority();
            return authority != null && (authority.equalsIgnoreCase(host)
                    || publicUrl.of("").equalsIgnoreCase(uri.getScheme() + "://" + authority));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
