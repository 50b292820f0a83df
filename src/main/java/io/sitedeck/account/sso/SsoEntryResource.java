package io.sitedeck.account.sso;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.AppUser;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The ways into single sign-on that need no link: the sign-in page's "work email" finds the
 * provider whose domains include the email's, and after signing out of a single sign-on session
 * the page offers the provider's own sign-out, where it has one (from its discovery document).
 */
@Path("/sign-in/sso")
@Produces(MediaType.TEXT_HTML)
public class SsoEntryResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut(String provider, String endSessionUrl);

        static native TemplateInstance continueTo(String provider, String path);
    }

    /**
     * One provider for the email's domain leads there; none, or several (which the email alone cannot
     * choose between), send the person back to sign in with a password or their team's link. The way
     * on is a page that moves itself on, not a redirect: a redirect after a form leaving for the
     * provider's origin would break the Content-Security-Policy's {@code form-action 'self'}.
     */
    @GET
    @Transactional
    public Response byEmail(@QueryParam("email") String email) {
        List<SsoProvider> providers = SsoProvider.forEmail(AppUser.normalise(email));
        if (providers.size() != 1) {
            return Response.seeOther(URI.create("/login?sso=none")).build();
        }
        return Response.ok(Templates.continueTo(providers.get(0).displayName, providers.get(0).path())).build();
    }

    @GET
    @Path("out/{tenant}")
    @Transactional
    public TemplateInstance signedOut(@PathParam("tenant") long tenant) {
        SsoProvider provider = SsoProvider.ofTenant(tenant).orElse(null);
        return Templates.signedOut(provider == null ? null : provider.displayName,
                provider == null ? null : provider.endSessionUrl);
    }
}
