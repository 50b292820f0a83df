package io.sitedeck.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * One URL, two answers: the whole page on a normal request (bookmarks, reloads, history), only
 * the fragment when htmx asks ({@code HX-Request}); {@code Vary: HX-Request} keeps caches honest.
 */
public final class Htmx {

    /** Sent by htmx on every request it makes. */
    public static final String REQUEST = "HX-Request";
    /** Sent by htmx when a boosted link or form asks for a whole page (it swaps the body). */
    public static final String BOOSTED = "HX-Boosted";
    /** Names the client-side events a response fires (panels listen with {@code hx-trigger="… from:body"}). */
    public static final String TRIGGER = "HX-Trigger";
    /** Sends htmx to another page without a full reload. */
    public static final String LOCATION = "HX-Location";
    /** Sends htmx to another page with a full load. */
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {
    }

    /** htmx asks for a fragment; a boosted request asks for the whole page, like a normal one. */
    public static boolean requested(HttpHeaders headers) {
        return headers.getHeaderString(REQUEST) != null && headers.getHeaderString(BOOSTED) == null;
    }

    public static Response pageOrFragment(HttpHeaders headers, int status, TemplateInstance page,
                                          TemplateInstance fragment) {
        return html(status, chosen(headers, page, fragment));
    }

    /** The fragment when htmx asks for it, else the whole page. */
    public static TemplateInstance chosen(HttpHeaders headers, TemplateInstance page, TemplateInstance fragment) {
        return requested(headers) ? fragment : page;
    }

    /** An HTML answer whose body depends on {@code HX-Request} (a template, or bytes already rendered). */
    public static Response html(int status, Object body) {
        return Response.status(status).entity(body).header("Vary", REQUEST).type("text/html;charset=UTF-8").build();
    }
}
