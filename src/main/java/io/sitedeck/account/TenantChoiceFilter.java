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
 * Until a person in several tenants has chosen one, the console shows only the choice (and
 * sign-out): the session already sits in the first tenant, and no page should act as if the
 * person had picked it.
 */
public class TenantChoiceFilter {

    private static final Set<String> WHILE_CHOOSING = Set.of("/tenants/choose", "/tenants/switch", "/logout", "/login");

    private final CurrentUser user;

    TenantChoiceFilter(CurrentUser user) {
        this.user = user;
    }

    @ServerRequestFilter(preMatching = true) // before the resource's role check: the answer is the same whatever the role
    public Optional<Response> askFirst(ContainerRequestContext request) {
        if (!user.choosing() || WHILE_CHOOSING.contains(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return Optional.of(Response.seeOther(URI.create("/tenants/choose")).build());
        }
        return Optional.of(Response.status(409).type(MediaType.TEXT_PLAIN)
                .entity("Choose the organization to work in first: /tenants/choose").build());
    }
}
