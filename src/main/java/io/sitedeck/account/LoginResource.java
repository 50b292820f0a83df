package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitedeck.audit.AuditLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The sign-in page (the form posts to Quarkus form authentication) and sign-out. */
@Path("/")
public class LoginResource {

    /** The session cookie of form authentication (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "sitedeck-session";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean welcome, boolean signedOut);
    }

    private final SecurityIdentity identity;
    private final AuditLog audit;

    LoginResource(SecurityIdentity identity, AuditLog audit) {
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Object login(@QueryParam("error") String error, @QueryParam("welcome") String welcome,
                        @QueryParam("out") String out) {
        if (AppUser.count() == 0) {
            return Response.seeOther(URI.create("/setup")).build();
        }
        return Templates.login(error != null, welcome != null, out != null);
    }

    @POST
    @Path("logout")
    public Response logout() {
        if (!identity.isAnonymous()) {
            AppUser.byEmail(identity.getPrincipal().getName()).ifPresent(user -> audit.record(user.tenantId, user.email,
                    "sign-out", user.email, "ok"));
        }
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").value("").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login?out")).cookie(expired).build();
    }
}
