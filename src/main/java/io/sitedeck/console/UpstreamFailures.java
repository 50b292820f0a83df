package io.sitedeck.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.web.Htmx;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place a failed Domotz read becomes an answer (a refused change is {@link DomotzActions}'s):
 * <ul>
 *   <li>a page shows the problem inside the layout, with the status {@link UpstreamProblem} gives it
 *       (404 for a site or device Domotz does not know; 200 for trouble a retry or a new key fixes);</li>
 *   <li>htmx asking for part of a page gets the problem as that part, with the same status;</li>
 *   <li>an endpoint marked {@link PlainRefusal} (a panel, a download) gets 404 or 502 and one line.</li>
 * </ul>
 * Page resources therefore read and render, and let a {@link DomotzException} travel here.
 */
public class UpstreamFailures {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(UpstreamProblem problem);

        static native TemplateInstance problem$article(UpstreamProblem problem);
    }

    private final ConsoleContext console;

    UpstreamFailures(ConsoleContext console) {
        this.console = console;
    }

    @ServerExceptionMapper
    public Response map(DomotzException failure, HttpHeaders headers, SimpleResourceInfo resource) {
        UpstreamProblem problem = UpstreamProblem.of(failure,
                console.current().map(connection -> connection.name).orElse("this connection"));
        if (plain(resource)) {
            return DomotzActions.refused(problem.refusalStatus(), problem.title() + ": " + problem.message());
        }
        return Htmx.pageOrFragment(headers, problem.pageStatus(), Templates.problem(problem),
                Templates.problem$article(problem));
    }

    private static boolean plain(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return false;
        }
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(PlainRefusal.class);
        } catch (NoSuchMethodException notPublic) {
            return false;
        }
    }
}
