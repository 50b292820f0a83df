package io.sitedeck.account.sso;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.SessionCookies;
import io.sitedeck.account.SessionMember;
import io.sitedeck.account.SessionToken;
import io.sitedeck.account.SignInConfig;
import io.sitedeck.account.SitedeckIdentityProvider;
import io.sitedeck.shared.Missing;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A team's single sign-on link and its redirect URI, {@code /sso/{key}}. Quarkus OIDC runs the code
 * flow here ({@link SsoTenantConfigs}); once the provider's ID token checks out, this turns it into a
 * Sitedeck session that ends at the token's expiry or Sitedeck's lifetime, whichever is first, and
 * drops the OIDC session, so the provider is asked again at the next sign-in.
 */
@Path("/sso/{key}")
public class SsoResource {

    @Inject
    Clock clock;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String provider, String reason);
    }

    private final SsoSignIn signIn;
    private final SessionCookies cookies;
    private final SignInConfig config;

    SsoResource(SsoSignIn signIn, SessionCookies cookies, SignInConfig config) {
        this.signIn = signIn;
        this.cookies = cookies;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@PathParam("key") String key, RoutingContext http) {
        String ip = http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress();
        Instant now = clock.instant();
        SsoProvider provider = QuarkusTransaction.requiringNew().call(() -> SsoProvider.byLinkKey(key))
                .orElseThrow(() -> new Missing("No single sign-on at this link"));
        SessionMember member;
        try {
            member = QuarkusTransaction.requiringNew().call(() ->
                    signIn.signIn(SsoProvider.findById(provider.id), idToken, ip));
        } catch (SsoSignIn.Refused refused) {
            oidcSession.logout().await().indefinitely();
            return Response.status(403).entity(Templates.refused(provider.displayName, refused.getMessage())).build();
        }
        Instant expiry = Instant.ofEpochSecond(idToken.getExpirationTime());
        Instant lifetime = now.plus(config.sessionLifetime());
        SessionToken token = SessionToken.singleSignOn(member, now, expiry.isBefore(lifetime) ? expiry : lifetime);
        cookies.issue(SitedeckIdentityProvider.identity(member, token), http);
        oidcSession.logout().await().indefinitely();
        return Response.seeOther(URI.create("/")).build();
    }
}
