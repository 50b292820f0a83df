package io.sitedeck.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextWriterTest {

    /** ASCII, Latin-1, other BMP characters, a character outside the BMP, and surrogates without their pair. */
    private static final String MIXED = "<a>Harbor Dental – HQ</a> Café Ørsted · 東京 … 😀 lone \uD800 and \uDC00 end";

    private static byte[] written(String text, MediaType type) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Utf8TextWriter().writeTo(text, String.class, String.class, null, type, null, out);
        return out.toByteArray();
    }

    @Test
    void sendsTheSameBytesAsTheWriterItReplaces() throws Exception {
        ByteBuf netty = Unpooled.buffer();
        ByteBufUtil.writeUtf8(netty, MIXED); // what Quarkus REST's own String writer hands to Netty
        byte[] expected = ByteBufUtil.getBytes(netty);
        assertArrayEquals(expected, written(MIXED, MediaType.TEXT_HTML_TYPE));
        assertArrayEquals(expected, written(MIXED, MediaType.valueOf("text/plain; charset=UTF-8")));
        assertArrayEquals(expected, MIXED.getBytes(StandardCharsets.UTF_8), "the page path encodes the same way");
    }

    @Test
    void aStreamedAnswerKeepsTheCharsetItsTypeNamesAndFallsBackToUtf8() throws Exception {
        assertArrayEquals("Café".getBytes(StandardCharsets.ISO_8859_1),
                written("Café", MediaType.valueOf("text/plain; charset=ISO-8859-1")));
        assertArrayEquals("Café".getBytes(StandardCharsets.UTF_8),
                written("Café", MediaType.valueOf("text/plain; charset=no-such-charset")));
        assertArrayEquals("Café".getBytes(StandardCharsets.UTF_8), written("Café", null));
    }

    @Test
    void takesStringsOnly() {
        Utf8TextWriter writer = new Utf8TextWriter();
        assertTrue(writer.isWriteable(String.class, String.class, (Annotation[]) null, MediaType.TEXT_HTML_TYPE));
        assertFalse(writer.isWriteable(byte[].class, byte[].class, (Annotation[]) null, MediaType.TEXT_HTML_TYPE));
        assertFalse(writer.isWriteable(StringBuilder.class, StringBuilder.class, (Annotation[]) null, MediaType.TEXT_PLAIN_TYPE));
    }
}
