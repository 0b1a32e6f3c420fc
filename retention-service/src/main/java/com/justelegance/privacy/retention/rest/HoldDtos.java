package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.kit.restriction.SubjectRestrictions;
import com.justelegance.privacy.retention.domain.HoldReason;
import com.justelegance.privacy.retention.domain.LegalHold;
import com.justelegance.privacy.retention.domain.LegalHoldReason;
import com.justelegance.privacy.retention.repository.HoldRepository;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the holds API. */
public final class HoldDtos {

    /** Case or matter references: letters, digits and {@code / _ . : -}; never a name or free text. */
    public static final String REFERENCE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9/_.:-]{0,63}$";

    private HoldDtos() {
    }

    /**
     * A legal hold to place.
     *
     * @param reference the case or matter it belongs to, e.g. {@code LIT-2026-014}
     * @param endsOn    the last day it holds (UTC), or null until released
     */
    public record LegalHoldRequest(@NotNull LegalHoldReason reason,
                                   @NotNull @Pattern(regexp = REFERENCE_PATTERN) String reference,
                                   LocalDate endsOn) {
    }

    /** A legal hold as placed, and released if it was. */
    public record LegalHoldView(UUID holdId, String subjectId, LegalHoldReason reason, String reference,
                                LocalDate endsOn, Instant placedAt, String placedBy, Instant releasedAt,
                                String releasedBy) {

        static LegalHoldView of(LegalHold hold) {
            return new LegalHoldView(hold.id(), hold.subjectId(), hold.reason(), hold.reference(), hold.endsOn(),
                    hold.placedAt(), hold.placedBy(), hold.releasedAt(), hold.releasedBy());
        }
    }

    /**
     * What holds a subject; {@code held} is whether any of it does today, and {@code heldBy} what does.
     *
     * @param restrictions restrictions of processing (Art. 18), lifted ones included
     */
    public record SubjectHoldsView(String subjectId, boolean held, List<HoldReasonView> heldBy,
                                   List<LegalHoldView> legalHolds, List<OpenComplaint> openComplaints,
                                   List<OpenRequest> openRequests, List<RestrictionView> restrictions) {
    }

    /**
     * One thing that holds a subject from being purged (also in the timeline and the purge preview).
     *
     * @param kind        {@code LEGAL_HOLD}, {@code OPEN_COMPLAINT}, {@code OPEN_REQUEST} or
     *                    {@code PROCESSING_RESTRICTED}
     * @param reference   the legal hold's case reference, the complaint id, or dsr-service's request id
     * @param detail      the legal hold's reason or the open request's type, else null
     * @param since       when it started holding
     * @param until       the last day a legal hold holds, or null
     * @param description the hold in words, e.g. "restricted under request dsr-42 since 2026-06-01T09:00:00Z"
     */
    public record HoldReasonView(HoldReason.Kind kind, String reference, String detail, Instant since,
                                 LocalDate until, String description) {

        static HoldReasonView of(HoldReason reason) {
            return new HoldReasonView(reason.kind(), reason.reference(), reason.detail(), reason.since(),
                    reason.until(), reason.description());
        }

        static List<HoldReasonView> of(List<HoldReason> reasons) {
            return reasons.stream().map(HoldReasonView::of).toList();
        }
    }

    /**
     * A restriction of processing dsr-service put on at the subject's request.
     *
     * @param liftedAt when dsr-service lifted it; null while it holds
     */
    public record RestrictionView(String requestId, Instant restrictedAt, Instant liftedAt) {

        static RestrictionView of(SubjectRestrictions.Restriction restriction) {
            return new RestrictionView(restriction.requestId(), restriction.restrictedAt(), restriction.liftedAt());
        }
    }

    /** An open complaint of a subject. */
    public record OpenComplaint(String complaintId, Instant openedAt) {

        static OpenComplaint of(HoldRepository.OpenComplaint complaint) {
            return new OpenComplaint(complaint.complaintId(), complaint.openedAt());
        }
    }

    /** An open data-subject request of a subject. */
    public record OpenRequest(String requestId, String requestType, Instant openedAt) {

        static OpenRequest of(HoldRepository.OpenRequest request) {
            return new OpenRequest(request.requestId(), request.requestType(), request.openedAt());
        }
    }
}
