package io.sitedeck.shared;

/** Input Sitedeck cannot use; answered 400 with this message, which says what is wrong (and is safe to show). */
public class BadInput extends RuntimeException {

    public BadInput(String message) {
        super(message, null, false, false);
    }
}
