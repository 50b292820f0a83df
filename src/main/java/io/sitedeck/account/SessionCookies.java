package io.sitedeck.account;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the form-authentication session cookie for an identity Sitedeck chose itself (the tenant
 * switch; later a single sign-on): the same cookie, key and lifetimes Quarkus' form login writes,
 * so every later request is restored by {@link SessionIdentityProvider} as usual.
 */
@ApplicationScoped
public class SessionCookies {

    private final PersistentLoginManager cookies;

    SessionCookies(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String key,
                   @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String name,
                   @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
                   @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval", defaultValue = "PT1M")
                   Duration renewal,
                   @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site", defaultValue = "lax") String sameSite) {
        this.cookies = new PersistentLoginManager(key, name, timeout.toMillis(), renewal.toMillis(), true,
                sameSite.toUpperCase(java.util.Locale.ROOT), "/", -1, null);
    }

    /** The session goes on as this token says (a tenant switch, a second factor given): its membership as stored now. */
    public void continueAs(SessionToken token, RoutingContext http) {
        issue(SitedeckIdentityProvider.identity(SessionMember.byId(token.userId()), token), http);
    }

    /** Replaces the request's session cookie with one for this identity (its principal is the session token). */
    public void issue(SecurityIdentity identity, RoutingContext http) {
        cookies.save(identity, http, null, http.request().isSSL());
    }
}
