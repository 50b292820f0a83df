package io.sitedeck.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * One URL, two answers: the whole page on a normal request (bookmarks, reloads, history), only
 * the fragment when htmx asks ({@code HX-Request}); {@code Vary: HX-Request} keeps caches honest.
 */
public final class Htmx {

    private Htmx() {
    }

    public static boolean requested(HttpHeaders headers) {
        return headers.getHeaderString("HX-Request") != null;
    }

    public static Response pageOrFragment(HttpHeaders headers, int status, TemplateInstance page,
                                          TemplateInstance fragment) {
        return Response.status(status).entity(requested(headers) ? fragment : page)
                .header("Vary", "HX-Request").type("text/html;charset=UTF-8").build();
    }
}
