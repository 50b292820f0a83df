package io.sitedeck.web;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sitedeck.sandbox.EmbeddedSandbox;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.Missing;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a request that fails before or outside our own handling gets: Domotz's JSON error shape
 * under the sandbox API, a short plain message elsewhere, and never a stack trace. Unexpected
 * failures are logged with a reference the person can quote.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException exception, UriInfo uri) {
        int status = exception.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "Not found: " + uri.getPath();
            case 405 -> "Method not allowed on " + uri.getPath();
            case 415 -> "Unsupported content type";
            default -> exception.getResponse().getStatusInfo().getReasonPhrase();
        };
        return error(uri, status, message);
    }

    @ServerExceptionMapper
    public Response mapBadInput(BadInput exception, UriInfo uri) {
        return error(uri, 400, exception.getMessage());
    }

    @ServerExceptionMapper
    public Response mapMissing(Missing exception, UriInfo uri) {
        return error(uri, 404, exception.getMessage());
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException exception, UriInfo uri) {
        return error(uri, 403, "Your role does not allow this.");
    }

    /** Reached only when a resource demands a role of an anonymous caller: send them to sign in. */
    @ServerExceptionMapper
    public Response mapUnauthorized(UnauthorizedException exception, UriInfo uri) {
        return Response.status(401).header(Htmx.LOCATION, "/login").type(MediaType.TEXT_PLAIN)
                .entity("Sign in first: /login").build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(RuntimeException exception, UriInfo uri) {
        if (DatabaseDown.is(exception)) {
            LOG.warnf("Database unreachable while answering %s: %s", uri.getPath(), DatabaseDown.rootMessage(exception));
            return Response.fromResponse(error(uri, 503, DatabaseDown.MESSAGE))
                    .header("Retry-After", DatabaseDown.RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(exception, "Unexpected failure on %s (reference %s)", uri.getPath(), reference);
        return error(uri, 500, "Something went wrong on our side (reference " + reference + ")");
    }

    private static Response error(UriInfo uri, int status, String message) {
        if (EmbeddedSandbox.owns(uri.getPath())) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", status, "message", message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(message).build();
    }
}
