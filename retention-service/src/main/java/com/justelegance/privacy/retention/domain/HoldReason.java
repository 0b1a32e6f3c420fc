package com.justelegance.privacy.retention.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing that holds a subject from being purged, as the holds API, the timeline and the purge preview show it.
 *
 * @param kind      what holds the subject
 * @param reference the legal hold's case reference, the complaint id, or dsr-service's request id
 * @param detail    the legal hold's reason or the open request's type; null for the other kinds
 * @param since     when it started holding
 * @param until     the last day a legal hold holds (UTC); null when it holds until released, resolved or lifted
 */
public record HoldReason(Kind kind, String reference, String detail, Instant since, LocalDate until) {

    /** The kinds of hold. */
    public enum Kind {
        /** A legal hold the privacy officer placed. */
        LEGAL_HOLD,
        /** A complaint the contact centre reported open and not yet resolved. */
        OPEN_COMPLAINT,
        /** A data-subject request dsr-service has open. */
        OPEN_REQUEST,
        /** Processing restricted at the subject's request (Art. 18), until dsr-service lifts it. */
        PROCESSING_RESTRICTED
    }

    /** The hold in words, e.g. "restricted under request dsr-42 since 2026-06-01T09:00:00Z". */
    public String description() {
        return switch (kind) {
            case LEGAL_HOLD -> "legal hold " + reference + " (" + detail + ") since " + since
                    + (until == null ? "" : ", until " + until);
            case OPEN_COMPLAINT -> "open complaint " + reference + " since " + since;
            case OPEN_REQUEST -> "open " + detail + " request " + reference + " since " + since;
            case PROCESSING_RESTRICTED -> "restricted under request " + reference + " since " + since;
        };
    }
}
