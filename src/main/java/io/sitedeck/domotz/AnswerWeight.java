package io.sitedeck.domotz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What an answer weighs in this instance's cache: the bytes of its JSON, counted without keeping
 * them. Answers differ by three orders of magnitude (a device's name vs a week of a device's RTD
 * samples, ~80 KB), so a cache bounded by its number of entries alone could fill a small heap; the
 * objects Jackson makes of an answer take heap of the same order as its JSON (about ½× for RTD
 * samples, held in primitives; up to ~2× for objects of many short strings).
 */
final class AnswerWeight {

    /** Counted for every entry besides its answer: its key, its time, the cache's own node. */
    static final int ENTRY = 256;

    /** Counted for an answer whose JSON cannot be written (it is still cached). */
    static final int UNKNOWN = 1024;

    private AnswerWeight() {
    }

    static int of(ObjectMapper json, Object answer) {
        Counter counter = new Counter();
        try {
            json.writeValue(counter, answer);
        } catch (IOException | RuntimeException unwritable) {
            return UNKNOWN;
        }
        return (int) Math.min(Integer.MAX_VALUE, counter.bytes);
    }

    private static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
