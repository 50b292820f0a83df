package io.sitedeck.web;

import java.nio.charset.StandardCharsets;

/**
 * A page rendered around a large part that is already UTF-8 (drawn once, served to many views): the
 * part's bytes go in where the page has a marker, instead of the part being copied into the page's
 * text and encoded again on every view. For the NOC page's 1,000 tiles (~430 KB) that copy and
 * encoding were about half of the view's CPU — more when one character of the page outside Latin-1
 * made Java hold the whole text in two bytes a character.
 */
public final class SplicedHtml {

    private SplicedHtml() {
    }

    /**
     * The page as UTF-8 with {@code part} in place of its one {@code marker}. A page may leave the
     * marker out only when there is nothing to put in (the NOC page of a member without a connection).
     */
    public static byte[] of(String page, String marker, byte[] part) {
        int at = page.indexOf(marker);
        if (at < 0) {
            if (part.length == 0) {
                return page.getBytes(StandardCharsets.UTF_8);
            }
            throw new IllegalStateException("The page has no " + marker + " for its pre-drawn part");
        }
        byte[] head = page.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = page.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[head.length + part.length + tail.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(part, 0, whole, head.length, part.length);
        System.arraycopy(tail, 0, whole, head.length + part.length, tail.length);
        return whole;
    }
}
