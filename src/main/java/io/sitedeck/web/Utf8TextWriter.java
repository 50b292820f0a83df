package io.sitedeck.web;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes every text answer (each rendered page and fragment) as UTF-8 with {@link String#getBytes},
 * the same bytes Quarkus REST's own writer sends. Its writer hands the text to Netty, which encodes it
 * one {@code charAt} at a time through the {@code CharSequence} interface: with the image's C1-only
 * JIT that loop was ~13 % of a page view's CPU (a 40 KB site page is 40,000 calls, each with its
 * bounds check, and Java keeps a page as two bytes a character once it holds one character outside
 * Latin-1). The JDK's own encoder walks the array directly (and copies a pure-ASCII page whole).
 */
@Provider
@Produces(MediaType.WILDCARD)
public class Utf8TextWriter implements ServerMessageBodyWriter<String> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == String.class;
    }

    /** The usual path: the whole answer at once, in UTF-8 (Sitedeck declares no other charset, and Quarkus' writer ignores it too). */
    @Override
    public void writeResponse(String text, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public void writeTo(String text, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        // The stream path (server-sent events, a writer called by another): the media type's charset, as JAX-RS asks.
        out.write(text.getBytes(charsetOf(mediaType)));
    }

    static Charset charsetOf(MediaType mediaType) {
        String named = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (named == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(named);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
