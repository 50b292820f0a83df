package io.sitedeck.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that is not a page (a panel htmx refreshes, a download): when Domotz fails
 * its reads, {@link UpstreamFailures} answers 404 (Domotz does not know the site or device) or 502
 * with one line of text, which htmx leaves out of the page and a download shows as it is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PlainRefusal {
}
