package io.sitedeck.account;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The steps of a password sign-in after the password, in order: the second factor (someone who has
 * one gives it), the tenant (someone in several chooses), enrolment (a tenant that requires a second
 * factor of this role leads whoever has none through it). Until each is done the console shows only
 * that step (and sign-out): no page acts as if the person were fully signed in.
 */
public class SignInStepsFilter {

    private static final Set<String> ALWAYS = Set.of("/logout", "/login");
    private static final Set<String> FACTOR = Set.of("/second-factor", "/second-factor/totp", "/second-factor/recovery",
            "/second-factor/passkey", "/second-factor/passkey/options");
    private static final Set<String> CHOICE = Set.of("/tenants/choose", "/tenants/switch");
    private static final Set<String> ENROL = Set.of("/second-factor/enrol", "/second-factor/enrol/totp",
            "/second-factor/enrol/qr.png", "/second-factor/passkey/register-options", "/second-factor/passkey/register");

    private final CurrentUser user;

    SignInStepsFilter(CurrentUser user) {
        this.user = user;
    }

    @ServerRequestFilter(preMatching = true) // before the resource's role check: the answer is the same whatever the role
    public Optional<Response> nextStepFirst(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!user.signedIn() || ALWAYS.contains(path)) {
            return Optional.empty();
        }
        if (user.factorPending()) {
            return FACTOR.contains(path) ? Optional.empty() : Optional.of(step(request, "/second-factor",
                    "Give your second factor first"));
        }
        if (user.choosing()) {
            return CHOICE.contains(path) ? Optional.empty() : Optional.of(step(request, "/tenants/choose",
                    "Choose the organization to work in first"));
        }
        if (user.mustEnrol()) {
            return ENROL.contains(path) ? Optional.empty() : Optional.of(step(request, "/second-factor/enrol",
                    "Set up your second factor first"));
        }
        return Optional.empty();
    }

    private static Response step(ContainerRequestContext request, String where, String what) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return Response.seeOther(URI.create(where)).build();
        }
        return Response.status(409).type(MediaType.TEXT_PLAIN).entity(what + ": " + where).build();
    }
}
