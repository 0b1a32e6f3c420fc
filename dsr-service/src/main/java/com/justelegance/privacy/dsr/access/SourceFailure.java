package com.justelegance.privacy.dsr.access;

/**
 * A source that could not be read: it answered with an error or not at all. Its message is a short reason (an HTTP
 * status or the kind of failure), never a URL, a subject id or a body, so it may be shown to staff and logged.
 */
public class SourceFailure extends RuntimeException {

    public SourceFailure(String reason) {
        super(reason, null, false, false);
    }

    /**
     * What an answer with this status means: 404 is a source that holds nothing about the subject; any other 4xx
     * is a refusal that asking again would not change (a wrong token, say); a 5xx is worth another try.
     */
    public static RuntimeException forStatus(int status) {
        if (status == 404) {
            return new HoldsNothing();
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Refused(status);
        }
        return new Unavailable("HTTP " + status);
    }

    /** 404: the source knows nothing about the subject. Not a failure: the package says so. */
    public static final class HoldsNothing extends RuntimeException {

        public HoldsNothing() {
            super("nothing held", null, false, false);
        }
    }

    /** A 4xx other than 404, 408 and 429: not retried. */
    public static final class Refused extends SourceFailure {

        private final int status;

        public Refused(int status) {
            super("HTTP " + status);
            this.status = status;
        }

        /** The HTTP status the source answered with. */
        public int status() {
            return status;
        }
    }

    /** A 5xx, 408 or 429: retried. */
    public static final class Unavailable extends SourceFailure {

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
