package io.sitedeck.shared;

/**
 * Something the request names that is not there for this person (another tenant's things included); answered 404
 * with this message, which says what is missing (and is safe to show).
 */
public class Missing extends RuntimeException {

    public Missing(String message) {
        super(message, null, false, false);
    }
}
