package io.sitedeck.domotz;

/**
 * A call to Domotz that did not succeed, typed so a page can explain it. The subclasses follow
 * the answers real accounts give: 400, 401, 403, 404, 405, 429, 5xx and no answer at all.
 * Messages never contain the API key.
 */
public class DomotzException extends RuntimeException {

    private final int status;

    public DomotzException(int status, String message) {
        super(message);
        this.status = status;
    }

    public DomotzException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Domotz answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** A sentence for a person, with the upstream's own message where it gave one. */
    public String explanation() {
        return getMessage();
    }

    /** 400: Domotz refused the request as malformed (bad id, enum, date or body). */
    public static class BadRequest extends DomotzException {
        public BadRequest(String message) {
            super(400, message);
        }
    }

    /** 401: the API key was rejected (wrong, revoked or missing). */
    public static class KeyRejected extends DomotzException {
        public KeyRejected(String message) {
            super(401, message);
        }

        @Override
        public String explanation() {
            return "Domotz rejected the API key: " + getMessage();
        }
    }

    /** 403: the key's user can see this agent but has no API access to it. */
    public static class AccessDenied extends DomotzException {
        public AccessDenied(String message) {
            super(403, message);
        }

        @Override
        public String explanation() {
            return "No API access to this site: " + getMessage();
        }
    }

    /** 404: no such agent, device, profile or user for this key. */
    public static class NotFound extends DomotzException {
        public NotFound(String message) {
            super(404, message);
        }
    }

    /** 405: the operation is not allowed here. */
    public static class NotAllowed extends DomotzException {
        public NotAllowed(String message) {
            super(405, message);
        }
    }

    /** 429: the daily quota or the concurrent-call limit of the key is spent. */
    public static class QuotaExceeded extends DomotzException {
        private final Long retryAfterSeconds;

        public QuotaExceeded(String message, Long retryAfterSeconds) {
            super(429, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** The upstream's Retry-After in seconds, when it sent one. */
        public Long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public String explanation() {
            return "Domotz API quota reached: " + getMessage();
        }
    }

    /** 5xx, a timeout, a refused connection or an answer that could not be read. */
    public static class Unavailable extends DomotzException {
        public Unavailable(int status, String message, Throwable cause) {
            super(status, message, cause);
        }

        @Override
        public String explanation() {
            return "Domotz is not answering: " + getMessage();
        }
    }

    /** No answer: the connection failed; {@link #kind()} says how, in fixed words (never the other end's bytes). */
    public static class Unreachable extends Unavailable {
        private final String kind;

        public Unreachable(String where, String kind, Throwable cause) {
            super(0, "could not reach " + where + " (" + kind + ")", cause);
            this.kind = kind;
        }

        /** "could not connect", "TLS failed", "timed out", "unknown host" or "the connection failed". */
        public String kind() {
            return kind;
        }
    }

    /** An answer came, but it is not what Domotz sends (not its JSON). */
    public static class Unreadable extends Unavailable {
        public Unreadable(Throwable cause) {
            super(0, "Domotz sent an answer that could not be read", cause);
        }
    }

    /** No call was made: the outbound guard refused the cell's address (not on the allow-list, or internal). */
    public static class TargetRefused extends DomotzException {
        public TargetRefused(String message) {
            super(0, message);
        }
    }

    /** No call was made: all of the key's concurrent-call slots stayed busy for the whole queue time. */
    public static class Busy extends Unavailable {
        public Busy(String message) {
            super(0, message, null);
        }
    }
}
