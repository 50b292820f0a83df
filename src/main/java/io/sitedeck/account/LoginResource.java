package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitedeck.audit.AuditLog;
import jakarta.transaction.Transactional;
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
        static native TemplateInstance login(boolean failed, boolean welcome, boolean signedOut, boolean noSso);
    }

    private final CurrentUser user;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final Sessions sessions;

    LoginResource(CurrentUser user, SecurityIdentity identity, AuditLog audit, Sessions sessions) {
        this.user = user;
        this.identity = identity;
        this.audit = audit;
        this.sessions = sessions;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Object login(@QueryParam("error") String error, @QueryParam("welcome") String welcome,
                        @QueryParam("out") String out, @QueryParam("sso") String sso) {
        if (Person.count() == 0) {
            return Response.seeOther(URI.create("/setup")).build();
        }
        return Templates.login(error != null, welcome != null, out != null, sso != null);
    }

    /**
     * Ends the person's sessions everywhere, in every tenant they belong to (a copied cookie stops
     * working too), and their live streams.
     */
    @POST
    @Path("logout")
    @Transactional
    public Response logout() {
        // A single sign-on session's page offers the provider's own sign-out too.
        long ssoTenant = user.signedIn() ? SessionToken.parse(identity.getPrincipal().getName())
                .map(SessionToken::ssoTenant).orElse(0L) : 0L;
        if (user.signedIn()) {
            Person.<Person>findByIdOptional(user.personId()).ifPresent(person -> person.memberships().forEach(member -> {
                sessions.end(member);
                if (member.id == user.id()) {
                    audit.record(member.tenantId, member.email, "sign-out", member.email, "ok");
                }
            }));
        }
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").value("").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create(ssoTenant > 0 ? "/sign-in/sso/out/" + ssoTenant : "/login?out"))
                .cookie(expired).build();
    }
}
